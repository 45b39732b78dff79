using DataJoint;

namespace WebApi;

[Definition("""
    # Experimental subject
    subject_id : int32
    ---
    species : varchar(32)
    date_of_birth = null : date
    """)]
public partial class Subject : Manual;
