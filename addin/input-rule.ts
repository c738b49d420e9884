/**
 * What an input cell of a drawn template accepts, independent of the host: the WPS host turns it
 * into Validation.Add(...) arguments. (host-office.ts states the same rule in Office.js terms.)
 */
export interface InputRule {
  /** Whole numbers only, or decimals (money). */
  decimal: boolean;
  min: number;
  max?: number;
  promptTitle: string;
  prompt: string;
  errorTitle: string;
  error: string;
}

export function inputRule(kind: string | undefined): InputRule {
  const money = kind === 'money';
  const signed = kind === 'signed';
  return {
    decimal: money,
    min: signed ? -1e9 : 0,
    ...(signed ? { max: 1e9 } : {}),
    promptTitle: money ? '金额（万元）' : '件数',
    prompt: money ? '请输入金额（万元），最多 4 位小数' : signed ? '请输入整数（可为负数）' : '请输入不小于 0 的整数',
    errorTitle: '输入有误',
    error: money ? '金额须为不小于 0 的数，最多 4 位小数' : signed ? '请输入整数' : '件数须为不小于 0 的整数',
  };
}
