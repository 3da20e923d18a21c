/**
 * What a timeline entry says, in the staff's language: which step it was (not just "updated")
 * and who took it (a staff member's or team's name, the reporter, or the system; never an
 * account id). Pure functions over a translator `t`, unit-tested with `node --test`.
 */

/** The step an event stands for, e.g. "Abgeschlossen: nichts vorgefunden". */
export function stepText(entry, t) {
  const details = entry.details ?? {};
  switch (entry.type) {
    case 'INCIDENT_OPENED':
      return details.follows ? t('step.openedFollowing', { id: details.follows }) : t('step.opened', { channel: channel(details, t) });
    case 'REPORT_ATTACHED':
      return t('step.reportAttached', { channel: channel(details, t) });
    case 'INCIDENT_STATE_CHANGED':
      return stateStep(details, t);
    case 'TEAM_ASSIGNED':
      return t('step.teamAssigned', { team: entry.team ?? '' });
    case 'ASSIGNMENT_CHANGED':
      return t(`step.assignment.${details.state}`, { team: entry.team ?? '' });
    case 'PRIORITY_CHANGED':
      return t('step.priorityChanged', { from: details.from, to: details.to });
    case 'NOTE_ADDED':
      return details.publicMessage ? t('step.publicMessage') : t('step.noteAdded');
    case 'INCIDENT_MERGED':
      return details.into ? t('step.mergedInto', { id: details.into }) : t('step.mergedFrom', { id: details.from });
    case 'INCIDENT_ESCALATED':
      return t('step.escalated');
    case 'HOTSPOT_FLAGGED':
      return t('step.hotspot');
    case 'TEAM_ALARM':
      return t(`step.alarm.${details.reason}`, { team: entry.team ?? '' });
    case 'TEAM_STATUS_CHANGED':
      return checkInStep(details, entry, t);
    default:
      return t(`event.${entry.type}`);
  }
}

function stateStep(details, t) {
  if (details.undone) {
    // Back where the incident waited: open, dispatched, or on site with its team.
    return t('step.decisionUndone', { state: t(`state.${details.to}`) });
  }
  if (details.reopened) {
    return t('step.reopened');
  }
  if (details.outcome) {
    return t('step.decided', { outcome: t(`outcome.${details.outcome}`) });
  }
  return t('step.stateChanged', { state: t(`state.${details.to}`) });
}

/** A team's check-in on site ("still fine") or a lead ending its alarm; else its new status. */
function checkInStep(details, entry, t) {
  if (details.checkIn === 'ALARM_ENDED') {
    return t('step.alarmEnded', { team: entry.team ?? '' });
  }
  if (details.checkIn === 'EXTENDED') {
    return t('step.checkedIn', { team: entry.team ?? '' });
  }
  return t('event.TEAM_STATUS_CHANGED');
}

function channel(details, t) {
  return details.channel ? t(`channel.${details.channel}`) : t('step.unknownChannel');
}

/** Who took the step: "Lea Schmidt", "KOD Süd 1 (Jonas Weber)", "meldende Person", "System". */
export function actorText(entry, t) {
  if (entry.actorKind === 'staff') {
    return entry.actorTeam ? `${entry.actorTeam} (${entry.actor})` : entry.actor ?? t('actor.formerStaff');
  }
  return t(`actor.${entry.actorKind ?? 'system'}`);
}
