/**
 * A user's table file as text, in the encoding it was saved in. Chinese Excel saves "CSV" in the
 * local code page (GBK, read here as its superset GB18030) unless told "CSV UTF-8"; "Unicode text"
 * is UTF-16 with a byte-order mark. Detected, or chosen by the user; never decoded wrongly in
 * silence: bytes that are not valid in the chosen encoding are reported, not replaced by �.
 */
export const TEXT_ENCODINGS = ['auto', 'utf-8', 'gb18030'] as const;
export type TextEncodingChoice = (typeof TEXT_ENCODINGS)[number];
export type TextEncodingUsed = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export type DecodedText =
  { ok: true; text: string; encoding: TextEncodingUsed; detected: boolean } | { ok: false; reason: { zh: string; en: string } };

const strict = (label: string, bytes: Uint8Array): string | null => {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
};

export function decodeTableText(bytes: Uint8Array, choice: TextEncodingChoice = 'auto'): DecodedText {
  // A byte-order mark says it all (TextDecoder drops it from the text).
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16('utf-16le', bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16('utf-16be', bytes);
  if (choice !== 'gb18030') {
    const text = strict('utf-8', bytes);
    if (text !== null) return { ok: true, text, encoding: 'utf-8', detected: choice === 'auto' };
    if (choice === 'utf-8') {
      return {
        ok: false,
        reason: {
          zh: '文件不是有效的 UTF-8 编码。若由中文版 Excel 另存为 CSV，请选择“GBK / GB18030”编码后重试。',
          en: 'The file is not valid UTF-8. If Chinese Excel saved it as CSV, choose the GBK / GB18030 encoding and try again.',
        },
      };
    }
  }
  const text = strict('gb18030', bytes);
  if (text !== null) return { ok: true, text, encoding: 'gb18030', detected: choice === 'auto' };
  return {
    ok: false,
    reason: {
      zh: '无法读取文件的文字：它既不是 UTF-8 也不是 GBK / GB18030 编码。请在 Excel 中另存为“CSV UTF-8”。',
      en: 'The text cannot be read: it is neither UTF-8 nor GBK / GB18030. Save it from Excel as "CSV UTF-8".',
    },
  };
}

function utf16(label: 'utf-16le' | 'utf-16be', bytes: Uint8Array): DecodedText {
  const text = strict(label, bytes);
  return text === null
    ? { ok: false, reason: { zh: 'UTF-16 文件已损坏', en: 'The UTF-16 file is damaged' } }
    : { ok: true, text, encoding: label, detected: true };
}
