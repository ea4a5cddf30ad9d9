package io.gridcare.system.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

  @Bean
  FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
      @Value("${gridcare.api.max-request-size}") DataSize limit,
      @Value("${gridcare.api.max-batch-size}") DataSize batchLimit,
      @Value("${gridcare.api.max-import-size}") DataSize importLimit,
      @Value("${gridcare.api.max-portal-size}") DataSize portalLimit) {
    FilterRegistrationBean<RequestSizeLimit> registration =
        new FilterRegistrationBean<>(new RequestSizeLimit(limit, batchLimit, importLimit, portalLimit));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /**
   * Spring Boot's multipart resolver, except for CSV imports: their handler streams the file part itself, which
   * servlet multipart parsing would first store whole and cap with the limit of every other upload.
   */
  @Bean(DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
  StandardServletMultipartResolver multipartResolver(MultipartProperties properties) {
    StandardServletMultipartResolver resolver = new StandardServletMultipartResolver() {
      @Override
      public boolean isMultipart(HttpServletRequest request) {
        return !RequestSizeLimit.isImport(request) && super.isMultipart(request);
      }
    };
    resolver.setResolveLazily(properties.isResolveLazily());
    resolver.setStrictServletCompliance(properties.isStrictServletCompliance());
    return resolver;
  }

  @Bean
  OpenAPI gridCareOpenApi() {
    return new OpenAPI()
        .info(new Info().title("GridCare API")
            .description("Chăm sóc khách hàng điện lực / Customer care for electricity retailers")
            .license(new License().name("Apache-2.0")))
        .components(new Components().addSecuritySchemes("basic",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
