/**
 * Money travels as integer fen (分) end to end; only the screen shows yuan. Integer arithmetic on fen keeps
 * the display exact (no 0.1 + 0.2 surprises).
 */
export function formatFen(fen: number | null | undefined, language: string): string {
  if (fen === null || fen === undefined) return '—';
  const negative = fen < 0;
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100).toLocaleString(language === 'en' ? 'en-US' : 'zh-CN');
  const cents = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}¥${yuan}.${cents}`;
}

/** Yuan typed by a user (at most two decimals) to fen, or undefined when it is not an amount. */
export function yuanToFen(yuan: string | number | null | undefined): number | undefined {
  if (yuan === null || yuan === undefined || yuan === '') return undefined;
  const text = String(yuan).trim();
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return undefined;
  const fen = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] === '-' ? -fen : fen;
}
