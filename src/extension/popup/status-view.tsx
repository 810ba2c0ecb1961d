/** Every popup state that is not a story: loading, no match, and the errors a reader can meet. */
import type { ErrorCode } from '../messages.js';
import type { PopupState } from './popup-state.js';

interface Message {
  title: string;
  detail: string;
  retry: boolean;
}

const ERROR_MESSAGES: Record<ErrorCode, Message> = {
  unreachable: {
    title: "Couldn't reach the coverage service",
    detail: 'Check that the Coverage Lens API is running and its address is right in the options.',
    retry: true,
  },
  'bad-response': {
    title: 'The coverage service sent an answer we could not read',
    detail: 'Nothing from it is shown. It may be a different version than this extension.',
    retry: true,
  },
  'not-article': {
    title: "This doesn't look like a news article",
    detail: 'Coverage Lens looks up pages marked up as articles. Open an article and click again.',
    retry: false,
  },
  'cannot-read-page': {
    title: "Coverage Lens can't read this page",
    detail: 'Browser pages and the extension store cannot be read by extensions.',
    retry: true,
  },
  'not-found': { title: 'This story is no longer available', detail: '', retry: true },
  forbidden: { title: 'Something went wrong', detail: 'The request was refused.', retry: false },
  'invalid-message': { title: 'Something went wrong', detail: 'The request was malformed.', retry: false },
};

export function StatusView({
  state,
  onRetry,
}: {
  state: Exclude<PopupState, { kind: 'story' }>;
  onRetry: () => void;
}) {
  if (state.kind === 'loading') {
    return (
      <p class="status" role="status">
        Looking for other coverage…
      </p>
    );
  }
  if (state.kind === 'no-match') {
    return (
      <section class="status" role="status">
        <h1>No other coverage found</h1>
        <p class="detail">No story in the coverage service matches “{state.page.title}”.</p>
      </section>
    );
  }
  const message = ERROR_MESSAGES[state.error.code];
  return (
    <section class={`status error-${state.error.code}`} role="alert">
      <h1>{message.title}</h1>
      {message.detail && <p class="detail">{message.detail}</p>}
      {message.retry && (
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      )}
    </section>
  );
}
