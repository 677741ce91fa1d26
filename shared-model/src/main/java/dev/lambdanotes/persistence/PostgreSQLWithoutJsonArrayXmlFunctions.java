package dev.lambdanotes.persistence;

import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.dialect.function.CommonFunctionFactory;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;

/**
 * Hibernate's PostgreSQL dialect without the JSON, array and XML functions of HQL and criteria.
 * No entity maps a JSON, array or XML column and no query calls such a function, and registering
 * them at every boot loads about 90 classes of Hibernate's function registry, a few per cent of a
 * cold start. A query that calls one fails when it is checked at build time and in every test
 * that runs it. Everything else is Hibernate's dialect for the configured PostgreSQL version.
 */
public final class PostgreSQLWithoutJsonArrayXmlFunctions extends PostgreSQLDialect {
    /** The constructor Hibernate calls, with the database and version of the configuration. */
    public PostgreSQLWithoutJsonArrayXmlFunctions(DialectResolutionInfo info) {
        super(info);
    }

    @Override
    protected void registerArrayFunctions(CommonFunctionFactory functionFactory) {
        // none: no array column, no array function in any query
    }

    @Override
    protected void registerJsonFunction(CommonFunctionFactory functionFactory) {
        // none: no JSON column, no JSON function in any query
    }

    @Override
    protected void registerXmlFunctions(CommonFunctionFactory functionFactory) {
        // none: no XML column, no XML function in any query
    }
}
