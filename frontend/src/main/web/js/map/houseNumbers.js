/**
 * The house number asked for ("hansastr 12") when the results have the street but none has
 * that number; null when the query names no number or a result has it.
 */
export function missingNumber(query, results) {
  const asked = query.match(/(?:^|[\s,])(\d{1,5}\s?[a-z]?)$/i)?.[1].replace(/\s/g, '').toLowerCase();
  if (!asked || !results.length) {
    return null;
  }
  const numberOf = (label) => label.split(',')[0].trim().split(/\s+/).pop().toLowerCase();
  return results.some((result) => numberOf(result.label) === asked) ? null : asked;
}
