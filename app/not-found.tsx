import Link from "next/link";

export default function NotFound() {
  return (
    <div>
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p className="mt-3">
        There is no page here. Status codes run from 100 to 599; <Link href="/" className="text-indigo-700 underline dark:text-indigo-300">the index</Link> lists every code we document.
      </p>
    </div>
  );
}
