import type { Messages } from "../messages/en.ts";

/**
 * German strings: `<CreditKitProvider locale="de-DE" messages={de}>`. A separate entry
 * (@creditkit/react/locales/de) so English-only apps do not download them. Same keys as English; the
 * type makes a missing one a compile error.
 */
export const de: Messages = {
  widgetTitle: "Guthaben",
  loading: "Wird geladen…",
  retry: "Erneut versuchen",
  dismiss: "Schließen",

  creditsOne: "{count} Credit",
  creditsOther: "{count} Credits",

  balanceLabel: "Verfügbares Guthaben",
  balanceUsage: "{usage} in diesem Zeitraum verbraucht",
  lowBalance: "Ihr Guthaben wird knapp.",
  lowBalanceAction: "{credits} für {price} aufladen",

  packsLegend: "Credit-Paket wählen",
  customOption: "Eigener Betrag",
  customLabel: "Anzahl Credits",
  customHint: "Zwischen {min} und {max}, in Schritten von {step}.",
  customBelowMinPrice: "Der Mindestbetrag ist {price}.",
  total: "Gesamt: {price}",

  buy: "{credits} für {price} kaufen",
  buyChoose: "Wählen Sie ein Paket",
  buyPending: "Zahlungsseite wird geöffnet…",
  buyNewWindow: "Schließen Sie die Zahlung für {credits} ({price}) im neuen Fenster ab.",

  statusChecking: "Zahlung wird geprüft…",
  statusPending: "Zahlung für {credits} ({price}) läuft. Ihre Credits erscheinen, sobald sie bestätigt ist.",
  statusStillProcessing: "Ihre Zahlung wird noch verarbeitet. Wir prüfen erneut, wenn Sie zu diesem Tab zurückkehren.",
  statusPaid: "{credits} wurden Ihrem Guthaben gutgeschrieben.",
  statusCancelled: "Zahlung abgebrochen. Es wurden keine Credits gutgeschrieben und nichts berechnet.",
  statusExpired: "Die Zahlungssitzung ist abgelaufen. Es wurden keine Credits gutgeschrieben.",
  statusFailed: "Die Zahlung ist fehlgeschlagen. Es wurden keine Credits gutgeschrieben.",
  checkAgain: "Erneut prüfen",
  tryAgain: "Nochmal versuchen",
  resumePayment: "Zahlung fortsetzen",

  historyTitle: "Guthabenverlauf",
  historyEmpty: "Noch keine Credits. Ihre Käufe erscheinen hier.",
  showVoided: "Stornierte anzeigen",
  colStatus: "Status",
  colSource: "Herkunft",
  colAmount: "Menge",
  colEffective: "Ab",
  colExpires: "Läuft ab",
  neverExpires: "Nie",
  newGrant: "Neu",
  statusActive: "Aktiv",
  statusScheduled: "Geplant",
  statusExpiredGrant: "Abgelaufen",
  statusVoided: "Storniert",
  sourcePurchase: "Kauf",
  sourcePlan: "Tarif",
  sourcePromotional: "Aktionsgutschrift",
  sourceAdjustment: "Korrektur",
  sourceOther: "Sonstige",
  previousPage: "Zurück",
  nextPage: "Weiter",
  pageOf: "Seite {page} von {pages}",

  errorRateLimited: "Zu viele Versuche. Bitte warten Sie {seconds} Sekunden und versuchen Sie es erneut.",
  errorUnavailable: "Der Zahlungsdienst ist vorübergehend nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.",
  errorTimeout: "Der Zahlungsdienst hat zu lange gebraucht. Bitte versuchen Sie es erneut.",
  errorConflict: "Dieser Kauf hat sich während der Verarbeitung geändert. Bitte versuchen Sie es erneut.",
  errorUnauthenticated: "Bitte melden Sie sich erneut an.",
  errorNotFound: "Dieser Kauf wurde nicht gefunden.",
  errorInvalid: "Dieser Betrag kann nicht gekauft werden. Bitte prüfen Sie ihn.",
  errorBlocked: "Diese Anfrage wurde zu Ihrer Sicherheit blockiert. Bitte laden Sie die Seite neu.",
  errorOriginMismatch:
    "Die Adresse dieser Seite passt nicht zur konfigurierten URL der App. Öffnen Sie die App unter ihrer üblichen Adresse.",
  errorNetwork: "Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
  errorGeneric: "Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es erneut.",
};
