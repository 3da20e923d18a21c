package de.quartierdispatch.security;

import java.net.URI;
import java.time.Duration;

import de.quartierdispatch.system.MapProperties;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.server.header.CompositeServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ContentSecurityPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ContentTypeOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.PermissionsPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.security.web.server.header.StrictTransportSecurityServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XXssProtectionServerHttpHeadersWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The browser's security headers (content security policy, no framing, no sniffing, no
 * referrer, HSTS over HTTPS) on every answer. Written by the outermost filter rather than
 * inside the security chain, so that answers given before that chain runs carry them too:
 * the firewall's refusal of a method or path, a rate limit's 429, a framing error's 501.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeadersFilter implements WebFilter {

	private final ServerHttpHeadersWriter headers;

	SecurityHeadersFilter(MapProperties map) {
		ContentSecurityPolicyServerHttpHeadersWriter policy = new ContentSecurityPolicyServerHttpHeadersWriter();
		policy.setPolicyDirectives(contentSecurityPolicy(map));
		ReferrerPolicyServerHttpHeadersWriter referrer = new ReferrerPolicyServerHttpHeadersWriter();
		referrer.setPolicy(ReferrerPolicy.NO_REFERRER);
		PermissionsPolicyServerHttpHeadersWriter permissions = new PermissionsPolicyServerHttpHeadersWriter();
		permissions.setPolicy("geolocation=(self), camera=(), microphone=()");
		StrictTransportSecurityServerHttpHeadersWriter hsts = new StrictTransportSecurityServerHttpHeadersWriter();
		hsts.setMaxAge(Duration.ofDays(365));
		hsts.setIncludeSubDomains(true);
		this.headers = new CompositeServerHttpHeadersWriter(new ContentTypeOptionsServerHttpHeadersWriter(),
				new XFrameOptionsServerHttpHeadersWriter(), new XXssProtectionServerHttpHeadersWriter(), policy,
				referrer, permissions, hsts);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().beforeCommit(() -> this.headers.writeHttpHeaders(exchange));
		return chain.filter(exchange);
	}

	private static String contentSecurityPolicy(MapProperties map) {
		String tiles = tileOrigin(map.tileUrl());
		return String.join("; ", "default-src 'self'", "script-src 'self'", "style-src 'self'",
				"img-src 'self' data: " + tiles, "connect-src 'self'", "font-src 'self'", "object-src 'none'",
				"base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'");
	}

	private static String tileOrigin(String tileUrl) {
		URI uri = URI.create(tileUrl.replace("{", "").replace("}", ""));
		return (uri.getScheme() == null || uri.getHost() == null) ? "" : uri.getScheme() + "://" + uri.getAuthority();
	}

}
