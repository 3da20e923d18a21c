import { el } from '../core/dom.js';

/**
 * An import's report in words, in the page's language: what the file held and what was done,
 * then every feature (or line) that was repaired or refused, with the reason. What is not ours
 * to translate (a property's name, the geometry library's finding and its coordinates) is shown
 * as it came, marked as code.
 */
export function quarterReport(report, t) {
  const rejected = report.rejected ?? [];
  return [
    el('p', {}, rejected.length
      ? t('admin.geodata.result.rejected', { count: rejected.length, features: report.features })
      : t('admin.geodata.result.applied', { ...report, count: report.features })),
    notes(t('admin.geodata.result.problems'), rejected, t),
    notes(t('admin.geodata.result.repaired'), report.repaired ?? [], t),
  ];
}

export function addressReport(report, t) {
  return [
    el('p', {}, t('admin.geodata.result.addresses', {
      count: report.rows, imported: report.imported, rejected: report.rejectedCount,
      unchanged: Math.max(0, report.rows - report.imported - report.rejectedCount),
    })),
    (report.rejected ?? []).length
      ? el('div', {}, el('h3', {}, t('admin.geodata.result.skipped')), el('ul', {}, report.rejected.map((row) => el('li', {},
        t('admin.geodata.row', { line: row.line }), ': ', t(`admin.geodata.rowReason.${row.reason}`)))))
      : '',
  ];
}

function notes(heading, list, t) {
  if (!list.length) {
    return '';
  }
  return el('div', {}, el('h3', {}, heading), el('ul', {}, list.map((note) => el('li', {},
    where(note, t), ': ', t(`admin.geodata.reason.${note.reason}`),
    note.detail ? [' ', finding(note.detail, t)] : ''))));
}

/** A finding we could not put in our words stays the library's English, marked as such. */
function finding(detail, t) {
  const words = geometryFinding(detail, t);
  return el('code', { translate: 'no', lang: words === detail ? 'en' : false }, words);
}

function where(note, t) {
  if (note.feature == null) {
    return t('admin.geodata.wholeFile');
  }
  return t(note.code || note.name ? 'admin.geodata.featureNamed' : 'admin.geodata.feature',
    { number: note.feature, code: note.code ?? '–', name: note.name ?? '–' });
}

/** What the geometry library says when it cannot even build a ring, in our words. */
const RING_FAILURES = [
  [/^Points of LinearRing do not form a closed linestring$/, () => ['admin.geodata.geos.Ringisnotclosed', {}]],
  [/^Invalid number of points in LinearRing \(found (\d+) - must be 0 or >= 4\)$/,
    (found) => ['admin.geodata.geos.ringTooFewPoints', { found: Number(found[1]) }]],
];

/** "Self-intersection[6.92 51.52]" from the geometry library: its words translated where we know them. */
export function geometryFinding(detail, t) {
  for (const [pattern, words] of RING_FAILURES) {
    const failure = pattern.exec(detail);
    if (failure) {
      const [key, params] = words(failure);
      return t(key, params);
    }
  }
  const found = /^([A-Za-z -]+?)\s*\[([^\]]*)\]$/.exec(detail);
  if (!found) {
    return detail;
  }
  const key = `admin.geodata.geos.${found[1].replaceAll(' ', '')}`;
  const words = t(key);
  return `${words === key ? found[1] : words} [${found[2]}]`;
}
