package com.rapport.support.paging;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Every service's {@link Paging} from {@code rapport.paging.*} (defaults: 50 a page, at most 200). */
@AutoConfiguration
@EnableConfigurationProperties(Paging.class)
public class PagingConfiguration {
}
