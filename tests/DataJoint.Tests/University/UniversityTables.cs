namespace DataJoint.Tests.University;

// The university schema of DataJoint's own test suite, in 2.x core types (shared/data/university holds its rows).

[Definition("""
    student_id : int32            # university-wide ID number
    ---
    first_name      : varchar(40)
    last_name       : varchar(40)
    sex             : enum('F', 'M', 'U')
    date_of_birth   : date
    home_address    : varchar(120) # mailing street address
    home_city       : varchar(60)  # mailing address
    home_state      : char(2)      # US state acronym: e.g. OH
    home_zip        : char(10)     # zipcode e.g. 93979-4979
    home_phone      : varchar(20)  # e.g. 414.657.6883x0881
    """)]
public partial class Student : Manual;

[Definition("""
    dept : varchar(6)   # abbreviated department name, e.g. BIOL
    ---
    dept_name    : varchar(200)  # full department name
    dept_address : varchar(200)  # mailing address
    dept_phone   : varchar(20)
    """)]
public partial class Department : Manual;

[Definition("""
    -> Student
    ---
    -> Department
    declare_date :  date  # when student declared her major
    """)]
public partial class StudentMajor : Manual;

[Definition("""
    -> Department
    course  : int32   # course number, e.g. 1010
    ---
    course_name :  varchar(200)  # e.g. "Neurobiology of Sensation and Movement."
    credits     :  decimal(3,1)  # number of credits earned by completing the course
    """)]
public partial class Course : Manual;

[Definition("""
    term_year : int32
    term      : enum('Spring', 'Summer', 'Fall')
    """)]
public partial class Term : Manual;

[Definition("""
    -> Course
    -> Term
    section : char(1)
    ---
    auditorium   :  varchar(12)
    """)]
public partial class Section : Manual;

[Definition("""
    omega = 0 : int8
    ---
    -> Term
    """)]
public partial class CurrentTerm : Manual;

[Definition("""
    -> Student
    -> Section
    """)]
public partial class Enroll : Manual;

[Definition("""
    grade : char(2)
    ---
    points : decimal(3,2)
    """)]
public partial class LetterGrade : Lookup
{
    protected override IEnumerable<object> Contents =>
    [
        new Row { Grade = "A", Points = 4.00m }, new Row { Grade = "A-", Points = 3.67m },
        new Row { Grade = "B+", Points = 3.33m }, new Row { Grade = "B", Points = 3.00m }, new Row { Grade = "B-", Points = 2.67m },
        new Row { Grade = "C+", Points = 2.33m }, new Row { Grade = "C", Points = 2.00m }, new Row { Grade = "C-", Points = 1.67m },
        new Row { Grade = "D+", Points = 1.33m }, new Row { Grade = "D", Points = 1.00m }, new Row { Grade = "F", Points = 0.00m },
    ];
}

[Definition("""
    -> Enroll
    ---
    -> LetterGrade
    """)]
public partial class Grade : Manual;
