/**
 * The worker role's runtime: external-task handlers that reach the engine only through its REST API. Its public
 * types ({@link io.gridcare.system.worker.TaskFailures}) are what the workers of every feature share.
 */
@NamedInterface("worker")
package io.gridcare.system.worker;

import org.springframework.modulith.NamedInterface;
