// Amounts as the payments API writes them (decimal strings, "150000.00", with an ISO-4217 code), shown exactly:
// the digits are grouped as text, never parsed into a floating-point number.

/** "150000.00", "IDR" → "IDR 150,000.00"; "-150000.00" → "IDR -150,000.00"; anything else is shown as it came. */
export function amountText(decimal, currency) {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(String(decimal));
  const number = m ? m[1] + m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (m[3] || '') : String(decimal);
  return currency ? currency + ' ' + number : number;
}

/** An {amount, currency} object of the API (a review's expected or received), or a dash when there is none. */
export function moneyText(money) {
  return money && money.amount != null ? amountText(money.amount, money.currency) : '—';
}
