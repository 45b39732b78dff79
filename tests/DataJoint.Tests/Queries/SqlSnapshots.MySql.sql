-- restrict-string
SELECT `student_id`,`first_name`,`last_name`,`sex`,`date_of_birth`,`home_address`,`home_city`,`home_state`,`home_zip`,`home_phone` FROM `S`.`student` WHERE (home_state = 'UT')

-- restrict-interpolated
SELECT `student_id`,`first_name`,`last_name`,`sex`,`date_of_birth`,`home_address`,`home_city`,`home_state`,`home_zip`,`home_phone` FROM `S`.`student` WHERE (home_state = @p0 AND date_of_birth < @p1)

-- anti-restrict-interpolated
SELECT `dept`,`course`,`course_name`,`credits` FROM `S`.`course` WHERE (NOT (credits > @p0))

-- restrict-object
SELECT `dept`,`course`,`course_name`,`credits` FROM `S`.`course` WHERE (`dept`=@p0 AND `course`=@p1)

-- restrict-or-not
SELECT `student_id`,`first_name`,`last_name`,`sex`,`date_of_birth`,`home_address`,`home_city`,`home_state`,`home_zip`,`home_phone` FROM `S`.`student` WHERE ((`home_state`=@p0) OR (NOT (`sex`=@p1)))

-- semijoin
SELECT `student_id`,`first_name`,`last_name`,`sex`,`date_of_birth`,`home_address`,`home_city`,`home_state`,`home_zip`,`home_phone` FROM `S`.`student` WHERE (`student_id` IN (SELECT `student_id` FROM `S`.`student_major` WHERE (`dept`=@p0)))

-- antijoin
SELECT `dept`,`course`,`term_year`,`term`,`section`,`auditorium` FROM `S`.`section` WHERE (NOT ((`dept`,`course`,`term_year`,`term`,`section`) IN (SELECT `dept`,`course`,`term_year`,`term`,`section` FROM `S`.`enroll`)))

-- join
SELECT `student_id`,`first_name`,`last_name`,`sex`,`date_of_birth`,`home_address`,`home_city`,`home_state`,`home_zip`,`home_phone`,`dept`,`declare_date` FROM `S`.`student` JOIN `S`.`student_major` USING (`student_id`) WHERE (home_state = 'CA')

-- join-wrapped
SELECT `student_id`,`dept`,`course`,`term_year`,`term`,`section`,`first_name` FROM (SELECT `student_id`,`first_name` FROM `S`.`student`) AS `_s1` JOIN `S`.`enroll` USING (`student_id`)

-- left-join
SELECT `student_id`,`dept`,`declare_date` FROM (SELECT `student_id` FROM `S`.`student`) AS `_s1` LEFT JOIN (SELECT `student_id`,`dept`,`declare_date` FROM `S`.`student_major` WHERE (`dept`=@p0)) AS `_s2` USING (`student_id`)

-- proj
SELECT `student_id` AS `id`,`first_name` AS `name`,(YEAR(date_of_birth)) AS `born` FROM `S`.`student`

-- proj-restricted
SELECT `student_id`,`name` FROM (SELECT `student_id`,`first_name` AS `name` FROM `S`.`student`) AS `_s1` WHERE (name = 'Allison')

-- aggr
SELECT `dept`,`course`,`course_name`,`credits`,(count(section)) AS `n` FROM `S`.`course` LEFT JOIN `S`.`section` USING (`dept`,`course`) GROUP BY `dept`,`course`,`course_name`,`credits`

-- aggr-restricted
SELECT `student_id`,(count(section)) AS `n` FROM `S`.`student` LEFT JOIN `S`.`enroll` USING (`student_id`) GROUP BY `student_id` HAVING (n > 12)

-- aggr-group-concat
SELECT `dept`,(GROUP_CONCAT(course_name SEPARATOR ';')) AS `names` FROM `S`.`department` JOIN `S`.`course` USING (`dept`) GROUP BY `dept`

-- union
SELECT `student_id` FROM ((SELECT `student_id` FROM `S`.`student` WHERE (home_state = 'UT')) UNION (SELECT `student_id` FROM `S`.`student` WHERE (home_state = 'CA'))) AS `_s1`

-- union-secondary
SELECT `student_id`,`first_name`,`dept` FROM ((SELECT `student_id`,`first_name`,`dept` FROM (SELECT `student_id`,`first_name` FROM `S`.`student`) AS `_s1` LEFT JOIN (SELECT `student_id`,`dept` FROM `S`.`student_major`) AS `_s2` USING (`student_id`)) UNION (SELECT `student_id`,NULL AS `first_name`,`dept` FROM (SELECT `student_id`,`dept` FROM `S`.`student_major`) AS `_s3` WHERE `student_id` NOT IN (SELECT `student_id` FROM `S`.`student`))) AS `_s4`

-- u
SELECT DISTINCT `home_state` FROM `S`.`student`

-- u-aggr
SELECT `dept`,(count(*)) AS `n` FROM `S`.`student_major` GROUP BY `dept`

-- top
SELECT `student_id`,`first_name`,`last_name`,`sex`,`date_of_birth`,`home_address`,`home_city`,`home_state`,`home_zip`,`home_phone` FROM `S`.`student` ORDER BY `date_of_birth` DESC LIMIT 5 OFFSET 10

-- top-restricted
SELECT `student_id`,`first_name`,`last_name`,`sex`,`date_of_birth`,`home_address`,`home_city`,`home_state`,`home_zip`,`home_phone` FROM (SELECT `student_id`,`first_name`,`last_name`,`sex`,`date_of_birth`,`home_address`,`home_city`,`home_state`,`home_zip`,`home_phone` FROM `S`.`student` ORDER BY `student_id` LIMIT 10) AS `_s1` WHERE (home_state = 'UT')

-- table-top
SELECT `student_id`,`first_name`,`last_name`,`sex`,`date_of_birth`,`home_address`,`home_city`,`home_state`,`home_zip`,`home_phone` FROM `S`.`student` WHERE (`student_id` IN (SELECT `student_id` FROM (SELECT `student_id`,`first_name`,`last_name`,`sex`,`date_of_birth`,`home_address`,`home_city`,`home_state`,`home_zip`,`home_phone` FROM `S`.`student` ORDER BY `student_id` LIMIT 3) AS `_s1`)) ORDER BY `student_id`
