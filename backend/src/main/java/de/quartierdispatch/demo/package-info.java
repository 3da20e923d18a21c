/**
 * The demo city (Bottrop): quarters, addresses, teams, contact points, routing rules and
 * one staff account per role, loaded when the {@code demo} profile is active.
 */
@NullMarked
package de.quartierdispatch.demo;

import org.jspecify.annotations.NullMarked;
