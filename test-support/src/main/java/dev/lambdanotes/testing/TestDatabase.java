package dev.lambdanotes.testing;

import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Where a test database is and how to log in to it. */
public record TestDatabase(String jdbcUrl, String user, String password) {

    /** An unpooled data source, for test set-up and inspection. */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }
}
