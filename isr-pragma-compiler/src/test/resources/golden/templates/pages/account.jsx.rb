# Pragma: revalidate 30
import Login, from: '../components/Login.jsx'
import Profile, from: '../components/Profile.jsx'
import User, from: '../models/user.js'

@user = User.current_or_nil
__END__
<main>
  {user.nil? ? <Login /> : <Profile user={user} />}
</main>
