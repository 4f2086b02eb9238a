# Pragma: revalidate 2d tags: docs
import Docs, from: 'docs-store'

@page = Docs.lookup(@@path)
__END__
<article set:html={page.html} />
