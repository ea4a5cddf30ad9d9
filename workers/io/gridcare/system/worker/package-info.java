/**
 * The worker role's runtime: external-task handlers that reach the engine only through its REST API.
 */
package io.gridcare.system.worker;
