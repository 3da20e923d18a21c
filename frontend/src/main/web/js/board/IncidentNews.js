/**
 * New incidents below P1 (P1 has its own, assertive announcement), said to a screen reader
 * politely: one by its number, category and quarter; several arriving close together (a busy
 * minute, or the catch-up after a reconnect) as one count, so that the lead is not talked over.
 */
export class IncidentNews {

  /**
   * @param region a live region (role="status") to say it in
   * @param describe turns the incidents gathered into one sentence
   * @param schedule when to say it (setTimeout; a test passes its own)
   */
  constructor(region, describe, { gatherMillis = 1500, schedule = (run, millis) => setTimeout(run, millis) } = {}) {
    this.region = region;
    this.describe = describe;
    this.gatherMillis = gatherMillis;
    this.schedule = schedule;
    this.gathered = [];
  }

  add(incident) {
    if (this.gathered.some((known) => known.id === incident.id)) {
      return;
    }
    this.gathered.push(incident);
    if (this.gathered.length === 1) {
      this.schedule(() => this._say(), this.gatherMillis);
    }
  }

  _say() {
    const incidents = this.gathered;
    this.gathered = [];
    this.region.textContent = this.describe(incidents);
  }

}
