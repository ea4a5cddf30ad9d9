/**
 * Central notifications: one flow from five source systems to App, Zalo OA, e-mail and SMS, with a delivery ledger.
 */
package io.gridcare.notifications;
