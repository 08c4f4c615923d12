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
  lowBalance: "Your balance is running low.",
  lowBalanceAction: "Top up {credits} for {price}",

  packsLegend: "Choose a credit pack",
  customOption: "Custom amount",
  customLabel: "Number of credits",
  customHint: "Between {min} and {max}, in steps of {step}.",
  customBelowMinPrice: "The minimum purchase is {price}.",
  total: "Total: {price}",

  buy: "Buy {credits} for {price}",
  buyChoose: "Choose a pack",
  buyPending: "Opening the payment page…",
  buyNewWindow: "Finish paying for {credits} ({price}) in the new window.",

  statusChecking: "Checking your payment…",
  statusPending: "Payment for {credits} ({price}) in progress. Credits appear once it is confirmed.",
  statusStillProcessing: "Your payment is still processing. We'll check again when you return to this tab.",
  statusPaid: "{credits} added to your balance.",
  statusCancelled: "Payment cancelled. You were not charged.",
  statusExpired: "The payment session expired. No credits were added.",
  statusFailed: "The payment failed. No credits were added.",
  checkAgain: "Check again",
  tryAgain: "Try again",
  resumePayment: "Continue payment",

  historyTitle: "Credit history",
  historyEmpty: "No credits yet.",
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
  sourcePromotional: "Promotional",
  sourceAdjustment: "Adjustment",
  sourceOther: "Other",
  previousPage: "Previous",
  nextPage: "Next",
  pageOf: "Page {page} of {pages}",

  errorRateLimited: "Too many attempts. Try again in {seconds} seconds.",
  errorUnavailable: "Payment service unavailable. Please try again.",
  errorTimeout: "The payment service took too long. Please try again.",
  errorConflict: "This purchase changed. Please try again.",
  errorUnauthenticated: "Please sign in again.",
  errorNotFound: "We couldn't find this purchase.",
  errorInvalid: "That amount can't be bought.",
  errorBlocked: "The request was blocked. Please reload the page.",
  errorOriginMismatch:
    "This page's address does not match the app's configured URL. Open the app at its usual address.",
  errorNetwork: "Can't reach the server. Check your connection.",
  errorGeneric: "Something went wrong. Please try again.",
};

export type Messages = typeof en;
export type MessageKey = keyof Messages;
