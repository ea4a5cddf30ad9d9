/** What the sandbox peers received, for admins checking a local run: {@code /api/sandbox/**}. */
package io.gridcare.sandbox.web;
