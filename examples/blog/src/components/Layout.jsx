// The blog's page frame for React (Next.js), the counterpart of Layout.astro: the vercel target
// imports Layout.jsx where a page imports Layout.astro. Next.js writes <html> and <body> itself.
export default function Layout({ title = 'The ISR pragma blog', children }) {
  return (
    <main>
      <h1>{title}</h1>
      {children}
    </main>
  );
}
