-- Must never run once the run was given up at the function's deadline.
CREATE TABLE after_slow (id int PRIMARY KEY);
