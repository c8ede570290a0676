// Dates are shown in Dutch, in the organisation's time zone, whatever the server's zone is.
const TIME_ZONE = "Europe/Amsterdam";

const dateFormat = new Intl.DateTimeFormat("nl-NL", {
  timeZone: TIME_ZONE,
  day: "numeric",
  month: "long",
  year: "numeric",
});
const timeFormat = new Intl.DateTimeFormat("nl-NL", {
  timeZone: TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "12 maart 2027" */
export function formatDate(value: Date | string): string {
  return dateFormat.format(new Date(value));
}

/** "12 maart 2027 om 14:05" */
export function formatDateTime(value: Date | string): string {
  const date = new Date(value);
  return `${dateFormat.format(date)} om ${timeFormat.format(date)}`;
}
