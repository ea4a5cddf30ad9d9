package io.gridcare.units;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;

public interface Units extends ListCrudRepository<Unit, String>, PagingAndSortingRepository<Unit, String> {
}
