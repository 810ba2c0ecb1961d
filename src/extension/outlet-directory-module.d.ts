declare module 'virtual:outlet-directory' {
  import type { CompactDirectory } from '../core/compact-directory.js';
  const directory: CompactDirectory;
  export default directory;
}
