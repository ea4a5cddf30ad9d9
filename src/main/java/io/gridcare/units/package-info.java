/**
 * Power Companies (Điện lực): the units that own customers, staff and requests, keyed by unit code ({@code PD01}).
 */
package io.gridcare.units;
