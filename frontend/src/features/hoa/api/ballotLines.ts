import type { BallotInput } from './hoa';

export interface ParsedBallots {
  ballots: BallotInput[];
  /** 1-based line numbers that could not be read. */
  badLines: number[];
}

const CHOICES: Record<string, string> = {
  YES: 'YES', Y: 'YES', 同意: 'YES', NO: 'NO', N: 'NO', 反对: 'NO', ABSTAIN: 'ABSTAIN', A: 'ABSTAIN', 弃权: 'ABSTAIN',
};

/**
 * Reads paper ballots typed or pasted one per line: `unit, choice[, area in m²]`, e.g. `EST01-1-101, 同意, 89.50`.
 * Areas become 0.01 m² integers without floating-point rounding; the server checks them against the register.
 */
export function parseBallotLines(text: string): ParsedBallots {
  const ballots: BallotInput[] = [];
  const badLines: number[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const [unit, choiceText, areaText] = line.split(/[,，\t]/).map((s) => s.trim());
    const choice = CHOICES[(choiceText ?? '').toUpperCase()] ?? CHOICES[choiceText ?? ''];
    if (!unit || !choice) {
      badLines.push(i + 1);
      return;
    }
    const ballot: BallotInput = { unitId: unit, choice };
    if (areaText) {
      const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(areaText);
      if (!m) {
        badLines.push(i + 1);
        return;
      }
      const centi = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
      ballot.areaCenti = m[1] ? -centi : centi;
    }
    ballots.push(ballot);
  });
  return { ballots, badLines };
}

/** 0.01 m² → "1,234.56" */
export function formatArea(centi: number | null | undefined): string {
  if (centi === null || centi === undefined) return '-';
  const sign = centi < 0 ? '-' : '';
  const abs = Math.abs(centi);
  return `${sign}${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

/** fen → "1,234.56" yuan */
export const formatYuan = formatArea;
