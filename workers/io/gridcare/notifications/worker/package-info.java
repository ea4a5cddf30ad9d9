/**
 * Workers of the notifications feature: the channel senders (App push, Zalo ZNS, e-mail, SMS brandname) that push
 * a notice's batches, and the receipts they collect.
 */
package io.gridcare.notifications.worker;
