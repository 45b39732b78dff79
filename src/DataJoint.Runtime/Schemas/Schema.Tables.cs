namespace DataJoint;
