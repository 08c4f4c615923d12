/**
 * Every string the widget shows. Placeholders in braces are filled in by the widget. Override any of
 * them through the provider's `messages` prop; keys are listed in the README.
 */
export const en = {
  widgetTitle: "Credits",
  loading: "Loading…",
  retry: "Retry",
  dismiss: "Dismiss",

  creditsOne: "{count} credit",
  creditsOther: "{count} credits",

  balanceLabel: "Available balance",
  balanceUsage: "{usage} used this period",
  balanceNoAccess: "You are out of credits. Top up to keep going.",
  lowBalance: "Your balance is running low.",
  lowBalanceAction: "Top up {credits} for {price}",

  packsLegend: "Choose a credit pack",
  customOption: "Custom amount",
  customLabel: "Number of credits",
  customHint: "Between {min} and {max}, in steps of {step}.",
  customNotNumber: "Enter a whole number of credits.",
  customTooLow: "Enter at least {min} credits.",
  customTooHigh: "Enter at most {max} credits.",
  customStep: "Use a multiple of {step}.",
  customBelowMinPrice: "The minimum purchase is {price}.",
  total: "Total: {price}",
  noPacks: "No credit packs are available right now.",

  buy: "Buy {credits} for {price}",
  buyChoose: "Choose a pack to continue",
  buyPreparing: "Preparing checkout…",
  buyRedirecting: "Redirecting to payment…",
  buyNewWindow: "Complete your payment in the new window. This page updates when it is done.",

  statusChecking: "Checking your payment…",
  statusPending: "Payment in progress for {credits} ({price}). Your credits appear as soon as it is confirmed.",
  statusStillProcessing:
    "Your payment is still processing. We'll check again when you come back to this tab, or you can check now.",
  statusNotCompleted: "The payment for {credits} ({price}) was not completed. No credits were added.",
  statusPaid: "{credits} added to your balance.",
  statusCancelled: "Payment cancelled. No credits were added and you were not charged.",
  statusExpired: "The payment session expired. No credits were added.",
  statusFailed: "The payment did not go through. No credits were added.",
  checkAgain: "Check again",
  tryAgain: "Try again",
  resumePayment: "Continue payment",

  historyTitle: "Credit history",
  historyEmpty: "No credits yet. Your purchases will appear here.",
  showVoided: "Show voided",
  colStatus: "Status",
  colSource: "Source",
  colAmount: "Amount",
  colEffective: "Starts",
  colExpires: "Expires",
  neverExpires: "Never",
  newGrant: "New",
  statusActive: "Active",
  statusScheduled: "Scheduled",
  statusExpiredGrant: "Expired",
  statusVoided: "Voided",
  sourcePurchase: "Purchase",
  sourcePlan: "Plan",
  sourceOther: "Other",
  previousPage: "Previous",
  nextPage: "Next",
  pageOf: "Page {page} of {pages}",

  errorRateLimited: "Too many attempts. Please wait {seconds} seconds and try again.",
  errorUnavailable: "The payment service is temporarily unavailable. Please try again in a moment.",
  errorTimeout: "The payment service took too long to answer. Please try again.",
  errorConflict: "This purchase changed while it was being processed. Please try again.",
  errorUnauthenticated: "Your session has ended. Please sign in again.",
  errorNotFound: "We couldn't find this purchase.",
  errorInvalid: "That amount can't be bought. Please check it and try again.",
  errorBlocked: "This request was blocked for your security. Please reload the page.",
  errorNetwork: "We couldn't reach the server. Check your connection and try again.",
  errorGeneric: "Something went wrong on our side. Please try again.",
};

export type Messages = typeof en;
export type MessageKey = keyof Messages;
