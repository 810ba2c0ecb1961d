/** Feed bytes as text: feeds declare their charset in the HTTP header or the XML declaration. */

/**
 * The bytes as text in the charset the header or the XML declaration names (many European feeds are
 * still ISO-8859-1); UTF-8 when neither names one the platform knows.
 */
export function decodeFeedBytes(bytes: Buffer, contentType: string | null): string {
  const declared =
    /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1] ??
    /^\s*<\?xml[^>]*encoding=["']([\w-]+)["']/i.exec(bytes.subarray(0, 200).toString('latin1'))?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
