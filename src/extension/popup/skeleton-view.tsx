/**
 * Placeholders shaped like what they stand for (title, meta, bar, legend, list), so nothing jumps
 * when the story arrives. Hidden from screen readers: the `status` line says what is happening.
 */
const ROWS = [0, 1, 2, 3];

export function SkeletonArticles() {
  return (
    <ol class="articles skeleton" aria-hidden="true">
      {ROWS.map((row) => (
        <li key={row} class="article">
          <span class="bone bone-outlet" />
          <span class="bone bone-line" />
          <span class="bone bone-line short" />
        </li>
      ))}
    </ol>
  );
}

/**
 * The story's title while it loads. The loading status line goes under it, where the story's meta
 * line will be: above the title it would be a line the story lacks, and the title would jump up.
 */
export function SkeletonTitle() {
  return (
    <div class="skeleton" aria-hidden="true">
      <span class="bone bone-title" />
      <span class="bone bone-title short" />
    </div>
  );
}

/** The rest of the story while it loads: distribution heading, bar, legend, list. */
export function SkeletonStory() {
  return (
    <div class="skeleton" aria-hidden="true">
      <span class="bone bone-heading" />
      <span class="bone bone-bar" />
      <span class="bone bone-meta" />
      <SkeletonArticles />
    </div>
  );
}
