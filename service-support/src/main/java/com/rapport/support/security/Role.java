package com.rapport.support.security;

/** The roles of API.md. ADMIN may do everything any other role may. */
public enum Role {
    PARTNER, OPS, FINANCE, ADMIN
}
