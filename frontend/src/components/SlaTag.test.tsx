import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { changeLanguage } from '@/lib/i18n';
import { type Sla, SlaTag } from './SlaTag';

const cases: { sla: Sla; zh: string; en: string; color: string }[] = [
  { sla: 'ON_TIME', zh: '正常', en: 'On time', color: 'green' },
  { sla: 'NEAR_DUE', zh: '即将到期', en: 'Due soon', color: 'orange' },
  { sla: 'OVERDUE', zh: '已超期', en: 'Overdue', color: 'red' },
  { sla: 'LEVEL3', zh: '已通报', en: 'Escalated (level 3)', color: 'magenta' },
];

describe('SlaTag', () => {
  it.each(cases)('shows $sla as "$zh" in Chinese with a $color tag', ({ sla, zh, color }) => {
    render(<SlaTag sla={sla} />);
    const tag = screen.getByTestId('sla-tag');
    expect(tag).toHaveTextContent(zh);
    expect(tag).toHaveAttribute('data-sla', sla);
    expect(tag.className).toContain(color);
  });

  it.each(cases)('shows $sla as "$en" in English', async ({ sla, en }) => {
    await changeLanguage('en');
    render(<SlaTag sla={sla} />);
    expect(screen.getByTestId('sla-tag')).toHaveTextContent(en);
  });

  it('renders nothing for NONE or a missing state', () => {
    const { container, rerender } = render(<SlaTag sla="NONE" />);
    expect(container).toBeEmptyDOMElement();
    rerender(<SlaTag sla={undefined} />);
    expect(container).toBeEmptyDOMElement();
  });
});
