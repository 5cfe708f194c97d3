/** The customer screen's page: its callers reach the display's (reading) channels only. */
export const CUSTOMER_PAGE = '/customer.html';
