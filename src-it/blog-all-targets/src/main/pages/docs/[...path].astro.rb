# Pragma: revalidate 1h tags: docs, search
import Doc, from: '../../../models/doc.js'

@doc = await Doc.at(@@path)
__END__
<main>{doc.html}</main>
