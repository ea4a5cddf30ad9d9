/**
 * Conventions of GridCare's HTTP API: problem details for every error, request size limits, the OpenAPI document.
 */
package io.gridcare.system.web;
