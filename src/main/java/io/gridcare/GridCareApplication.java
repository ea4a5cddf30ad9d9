package io.gridcare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class GridCareApplication {

  public static void main(String[] args) {
    SpringApplication.run(GridCareApplication.class, args);
  }
}
