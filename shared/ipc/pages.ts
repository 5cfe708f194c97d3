/** The customer screen's page: its callers reach the display's (reading) channels only. */
export const CUSTOMER_PAGE = '/customer.html';

/** The bar's screen: its callers reach the bar's channels only (the orders being made, calling one ready). */
export const BAR_PAGE = '/bar.html';
