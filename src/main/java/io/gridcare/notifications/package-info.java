/**
 * Central notifications: one flow from five source systems and GridCare's online requests to App, Zalo OA, e-mail
 * and SMS, for customers and for people who are not customers yet, with a delivery ledger.
 */
package io.gridcare.notifications;
