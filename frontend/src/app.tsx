export function App() {
  return (
    <main>
      <h1>Charter</h1>
      <p>Public opinion, collective constitutions and opinion similarity.</p>
    </main>
  )
}
