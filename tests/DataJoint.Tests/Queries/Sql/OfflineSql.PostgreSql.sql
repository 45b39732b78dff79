-- restrict-string
SELECT "student_id","first_name","last_name","sex"::text AS "sex","date_of_birth","home_address","home_city","home_state","home_zip","home_phone" FROM "S"."student" WHERE (home_state = 'UT')

-- restrict-interpolated
SELECT "student_id","first_name","last_name","sex"::text AS "sex","date_of_birth","home_address","home_city","home_state","home_zip","home_phone" FROM "S"."student" WHERE (home_state = $1 AND date_of_birth < $2)
-- values: 'UT', 01/01/1995

-- anti-restrict-interpolated
SELECT "dept","course","course_name","credits" FROM "S"."course" WHERE (NOT (credits > $1))
-- values: 3.0

-- restrict-hostile-value
SELECT "student_id","first_name","last_name","sex"::text AS "sex","date_of_birth","home_address","home_city","home_state","home_zip","home_phone" FROM "S"."student" WHERE (first_name = $1)
-- values: ''; DROP TABLE student; --'

-- restrict-object
SELECT "dept","course","course_name","credits" FROM "S"."course" WHERE ("dept"=$1 AND "course"=$2)
-- values: 'MATH', 1210

-- restrict-dict
SELECT "dept","course","course_name","credits" FROM "S"."course" WHERE ("dept"=$1 AND "credits" IS NULL)
-- values: 'CS'

-- restrict-record
SELECT "student_id","first_name","last_name","sex"::text AS "sex","date_of_birth","home_address","home_city","home_state","home_zip","home_phone" FROM "S"."student" WHERE ("student_id"=$1)
-- values: 500

-- restrict-list
SELECT "dept","course","course_name","credits" FROM "S"."course" WHERE (("dept"=$1) OR ("dept"=$2))
-- values: 'CS', 'MATH'

-- restrict-or-not
SELECT "student_id","first_name","last_name","sex"::text AS "sex","date_of_birth","home_address","home_city","home_state","home_zip","home_phone" FROM "S"."student" WHERE (("home_state"=$1) OR (NOT ("sex"=$2)))
-- values: 'UT', 'M'

-- restrict-true
SELECT "student_id","first_name","last_name","sex"::text AS "sex","date_of_birth","home_address","home_city","home_state","home_zip","home_phone" FROM "S"."student"

-- restrict-false
SELECT "student_id","first_name","last_name","sex"::text AS "sex","date_of_birth","home_address","home_city","home_state","home_zip","home_phone" FROM "S"."student" WHERE (1=0)

-- anti-restrict-object
SELECT "student_id","first_name","last_name","sex"::text AS "sex","date_of_birth","home_address","home_city","home_state","home_zip","home_phone" FROM "S"."student" WHERE (NOT ("home_state"=$1))
-- values: 'UT'

-- semijoin
SELECT "student_id","first_name","last_name","sex"::text AS "sex","date_of_birth","home_address","home_city","home_state","home_zip","home_phone" FROM "S"."student" WHERE ("student_id" IN (SELECT "student_id" FROM "S"."student_major" WHERE ("dept"=$1)))
-- values: 'CS'

-- semijoin-composite
SELECT "dept","course","term_year","term"::text AS "term","section","auditorium" FROM "S"."section" WHERE (("dept","course","term_year","term","section") IN (SELECT "dept","course","term_year","term","section" FROM "S"."enroll" WHERE (student_id < 100)))

-- semijoin-no-common-exists
SELECT "student_id","first_name","last_name","sex"::text AS "sex","date_of_birth","home_address","home_city","home_state","home_zip","home_phone" FROM "S"."student" WHERE (EXISTS (SELECT 1 FROM "S"."department" WHERE ("dept"=$1)))
-- values: 'CS'

-- antijoin-no-common-exists
SELECT "student_id","first_name","last_name","sex"::text AS "sex","date_of_birth","home_address","home_city","home_state","home_zip","home_phone" FROM "S"."student" WHERE (NOT (EXISTS (SELECT 1 FROM "S"."department" WHERE ("dept"=$1))))
-- values: 'CS'

-- antijoin
SELECT "dept","course","term_year","term"::text AS "term","section","auditorium" FROM "S"."section" WHERE (NOT (("dept","course","term_year","term","section") IN (SELECT "dept","course","term_year","term","section" FROM "S"."enroll")))

-- join
SELECT "student_id","first_name","last_name","sex"::text AS "sex","date_of_birth","home_address","home_city","home_state","home_zip","home_phone","dept","declare_date" FROM "S"."student" JOIN "S"."student_major" USING ("student_id") WHERE (home_state = 'CA')

-- join-cross
SELECT "student_id","dept" FROM (SELECT "student_id" FROM "S"."student") AS "_s1" CROSS JOIN (SELECT "dept" FROM "S"."department") AS "_s2"

-- join-wrapped
SELECT "student_id","dept","course","term_year","term"::text AS "term","section","first_name" FROM (SELECT "student_id","first_name" FROM "S"."student") AS "_s1" JOIN "S"."enroll" USING ("student_id")

-- left-join
SELECT "student_id","dept","declare_date" FROM (SELECT "student_id" FROM "S"."student") AS "_s1" LEFT JOIN (SELECT "student_id","dept","declare_date" FROM "S"."student_major" WHERE ("dept"=$1)) AS "_s2" USING ("student_id")
-- values: 'CS'

-- proj
SELECT "student_id" AS "id","first_name" AS "name",(EXTRACT(YEAR FROM date_of_birth)) AS "born" FROM "S"."student"

-- proj-exclude
SELECT "student_id","first_name","last_name","sex"::text AS "sex","date_of_birth","home_city","home_state","home_zip" FROM "S"."student"

-- proj-restricted
SELECT "student_id","name" FROM (SELECT "student_id","first_name" AS "name" FROM "S"."student") AS "_s1" WHERE (name = 'Allison')

-- aggr
SELECT "dept","course","course_name","credits",(count(section)) AS "n" FROM "S"."course" LEFT JOIN "S"."section" USING ("dept","course") GROUP BY "dept","course","course_name","credits"

-- aggr-restricted
SELECT "student_id","n" FROM (SELECT "student_id",(count(section)) AS "n" FROM "S"."student" LEFT JOIN "S"."enroll" USING ("student_id") GROUP BY "student_id") AS "_s1" WHERE (n > 12)

-- aggr-group-concat
SELECT "dept",(STRING_AGG((course_name)::text, ';')) AS "names" FROM "S"."department" JOIN "S"."course" USING ("dept") GROUP BY "dept"

-- union
SELECT "student_id" FROM ((SELECT "student_id" FROM "S"."student" WHERE (home_state = 'UT')) UNION (SELECT "student_id" FROM "S"."student" WHERE (home_state = 'CA'))) AS "_s1"

-- union-secondary
SELECT "student_id","first_name","dept" FROM ((SELECT "student_id","first_name","dept" FROM (SELECT "student_id","first_name" FROM "S"."student") AS "_s1" LEFT JOIN (SELECT "student_id","dept" FROM "S"."student_major") AS "_s2" USING ("student_id")) UNION (SELECT "student_id",NULL AS "first_name","dept" FROM (SELECT "student_id","dept" FROM "S"."student_major") AS "_s3" WHERE "student_id" NOT IN (SELECT "student_id" FROM "S"."student"))) AS "_s4"

-- u
SELECT DISTINCT "home_state" FROM "S"."student"

-- u-aggr
SELECT "dept",(count(*)) AS "n" FROM "S"."student_major" GROUP BY "dept"

-- top
SELECT "student_id","first_name","last_name","sex"::text AS "sex","date_of_birth","home_address","home_city","home_state","home_zip","home_phone" FROM "S"."student" ORDER BY "date_of_birth" DESC LIMIT 5 OFFSET 10

-- top-offset-only
SELECT "student_id","first_name","last_name","sex"::text AS "sex","date_of_birth","home_address","home_city","home_state","home_zip","home_phone" FROM "S"."student" ORDER BY "student_id" OFFSET 20

-- top-order-only
SELECT "student_id","first_name","last_name","sex"::text AS "sex","date_of_birth","home_address","home_city","home_state","home_zip","home_phone" FROM "S"."student" ORDER BY "last_name", "first_name" DESC

-- top-merged
SELECT "student_id","first_name","last_name","sex"::text AS "sex","date_of_birth","home_address","home_city","home_state","home_zip","home_phone" FROM "S"."student" ORDER BY "student_id" LIMIT 3 OFFSET 2

-- top-restricted
SELECT "student_id","first_name","last_name","sex"::text AS "sex","date_of_birth","home_address","home_city","home_state","home_zip","home_phone" FROM (SELECT "student_id","first_name","last_name","sex","date_of_birth","home_address","home_city","home_state","home_zip","home_phone" FROM "S"."student" ORDER BY "student_id" LIMIT 10) AS "_s1" WHERE (home_state = 'UT')

-- table-top
SELECT "student_id","first_name","last_name","sex"::text AS "sex","date_of_birth","home_address","home_city","home_state","home_zip","home_phone" FROM "S"."student" WHERE ("student_id" IN (SELECT "student_id" FROM (SELECT "student_id","first_name","last_name","sex","date_of_birth","home_address","home_city","home_state","home_zip","home_phone" FROM "S"."student" ORDER BY "student_id" LIMIT 3) AS "_s1")) ORDER BY "student_id"

-- current-term-semijoin
SELECT "dept","course","term_year","term"::text AS "term","section","auditorium" FROM "S"."section" WHERE (("term_year","term") IN (SELECT "term_year","term" FROM "S"."current_term"))

-- count plain
SELECT count(*) FROM (SELECT DISTINCT "student_id" FROM "S"."student" WHERE (home_state = 'UT')) AS "_count"

-- count aggr
SELECT count(*) FROM (SELECT DISTINCT "student_id",(count(section)) AS "n" FROM "S"."student" LEFT JOIN "S"."enroll" USING ("student_id") GROUP BY "student_id") AS "_count"

-- count top
SELECT count(*) FROM (SELECT DISTINCT "student_id","first_name","last_name","sex","date_of_birth","home_address","home_city","home_state","home_zip","home_phone" FROM "S"."student" ORDER BY "student_id" LIMIT 5) AS "_count"

-- count u
SELECT count(*) FROM (SELECT DISTINCT "home_state" FROM "S"."student") AS "_count"

-- exists plain
SELECT CASE WHEN EXISTS (SELECT 1 FROM "S"."student" WHERE (home_state = 'UT')) THEN 1 ELSE 0 END

-- exists aggr
SELECT CASE WHEN EXISTS (SELECT "student_id",(count(section)) AS "n" FROM "S"."student" LEFT JOIN "S"."enroll" USING ("student_id") GROUP BY "student_id") THEN 1 ELSE 0 END

-- exists top
SELECT CASE WHEN EXISTS (SELECT "student_id","first_name","last_name","sex","date_of_birth","home_address","home_city","home_state","home_zip","home_phone" FROM "S"."student" ORDER BY "student_id" LIMIT 5) THEN 1 ELSE 0 END

-- exists u
SELECT CASE WHEN EXISTS (SELECT DISTINCT "home_state" FROM "S"."student") THEN 1 ELSE 0 END
