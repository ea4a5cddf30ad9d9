package io.gridcare.requests;

/** Why a service cannot be saved: the field as the API names it ({@code reasons[1].label.vi}) and what is wrong. */
public record CatalogProblem(String field, String message) {
}
