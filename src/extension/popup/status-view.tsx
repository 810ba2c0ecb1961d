/**
 * Every popup state that is not a story: loading, no match (with the page's outlet when known),
 * permission needed, and the errors a reader can meet.
 */
import type { ErrorCode } from '../messages.js';
import { t, type MessageKey } from './i18n.js';
import { PageOutletView } from './page-outlet-view.js';
import type { PopupState } from './popup-state.js';
import { SkeletonStory, SkeletonTitle } from './skeleton-view.js';

interface Message {
  title: MessageKey;
  detail?: MessageKey;
  retry: boolean;
}

const ERROR_MESSAGES: Partial<Record<ErrorCode, Message>> & Record<'forbidden', Message> = {
  unreachable: { title: 'errorUnreachableTitle', detail: 'errorUnreachableDetail', retry: true },
  'bad-response': { title: 'errorBadResponseTitle', detail: 'errorBadResponseDetail', retry: true },
  'not-article': { title: 'errorNotArticleTitle', detail: 'errorNotArticleDetail', retry: false },
  'cannot-read-page': { title: 'errorCannotReadTitle', detail: 'errorCannotReadDetail', retry: true },
  'not-found': { title: 'errorNotFoundTitle', retry: true },
  forbidden: { title: 'errorOtherTitle', detail: 'errorOtherDetail', retry: false },
  'invalid-message': { title: 'errorOtherTitle', detail: 'errorOtherDetail', retry: false },
};

interface Props {
  state: Exclude<PopupState, { kind: 'story' }>;
  /** True once loading has taken long enough that the reader should hear about it. */
  slow: boolean;
  onRetry: () => void;
  onAllow: (origin: string) => void;
}

export function StatusView({ state, slow, onRetry, onAllow }: Props) {
  switch (state.kind) {
    case 'loading':
      return (
        <>
          <SkeletonTitle />
          <p class="status loading" role="status">
            {slow ? t('slowLoading') : t('loading')}
            {slow && (
              <button type="button" class="retry" onClick={onRetry}>
                {t('retry')}
              </button>
            )}
          </p>
          <SkeletonStory />
        </>
      );
    case 'no-match':
      return (
        <>
          <section class="status no-match" role="status">
            <h1>{t('noMatchTitle')}</h1>
            <p class="detail">{t('noMatchDetail', state.page.title)}</p>
          </section>
          {/* Outside the live region: it arrives later and needs no announcement. */}
          {state.outlet && <PageOutletView page={state.page} outlet={state.outlet} />}
        </>
      );
    case 'permission':
      return (
        <section class="status permission" role="status">
          <h1>{t('permissionTitle')}</h1>
          <p class="detail">{t('permissionDetail', new URL(state.origin).host)}</p>
          <button type="button" class="primary" onClick={() => onAllow(state.origin)}>
            {t('permissionButton')}
          </button>
        </section>
      );
    case 'error': {
      // The reply was checked for shape only: a code this version does not know reads as "went wrong".
      const message = ERROR_MESSAGES[state.error.code] ?? ERROR_MESSAGES.forbidden;
      return (
        <section class={`status error-${state.error.code}`} role="alert">
          <h1>{t(message.title)}</h1>
          {message.detail && <p class="detail">{t(message.detail)}</p>}
          {message.retry && (
            <button type="button" class="retry" onClick={onRetry}>
              {t('retry')}
            </button>
          )}
        </section>
      );
    }
  }
}
