/**
 * The teams of the routed types that speak every language of the reporters (German taken for
 * granted, as in the proposals) but are not proposed now: sent out, busy or off duty. The board
 * names them when no proposed team speaks those languages, so that a lead can wait for one of
 * them or send another team with an interpreter, knowing the choice.
 *
 * @param teams the board's teams (summaries with id, teamType, languages)
 * @param incident the incident's summary (teamTypes)
 * @param reports the incident's reports (language)
 * @param proposals the proposals shown (teamId, speaksReportersLanguages)
 * @param assignments the incident's assignments (teamId, state): a team already at work on it
 *   is not named as one to wait for, and when it speaks the languages nothing is to be said
 * @returns {{ languages: string[], teams: object[] }} the languages asked for and those teams
 */
const ACTIVE = ['ASSIGNED', 'EN_ROUTE', 'ON_SITE'];

export function busySpeakers(teams, incident, reports, proposals, assignments = []) {
  const languages = [...new Set(reports.map((report) => report.language).filter((code) => code && code !== 'de'))];
  const speaks = (team) => languages.every((code) => (team.languages ?? []).includes(code));
  const working = new Set(assignments.filter((assignment) => ACTIVE.includes(assignment.state)).map((assignment) => assignment.teamId));
  if (!languages.length || proposals.some((proposal) => proposal.speaksReportersLanguages !== false)
    || teams.some((team) => working.has(team.id) && speaks(team))) {
    return { languages, teams: [] };
  }
  const proposed = new Set(proposals.map((proposal) => proposal.teamId));
  const speakers = teams.filter((team) => team.active !== false && !proposed.has(team.id) && !working.has(team.id)
    && (incident.teamTypes ?? []).includes(team.teamType)
    && speaks(team));
  return { languages, teams: speakers.sort((a, b) => a.name.localeCompare(b.name)) };
}
