// Compiles Styles/portal.scss and copies the GOV.UK Frontend script and images into wwwroot.
// Run by the csproj during `dotnet build`; `npm run build` does the same by hand.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as sass from 'sass'

const root = dirname(fileURLToPath(import.meta.url))
const govuk = join(root, 'node_modules', 'govuk-frontend', 'dist', 'govuk')
const wwwroot = join(root, 'wwwroot')

const result = sass.compile(join(root, 'Styles', 'portal.scss'), {
  style: 'compressed',
  importers: [new sass.NodePackageImporter(root)],
  quietDeps: true
})
mkdirSync(join(wwwroot, 'css'), { recursive: true })
writeFileSync(join(wwwroot, 'css', 'portal.css'), result.css)

mkdirSync(join(wwwroot, 'js'), { recursive: true })
cpSync(join(govuk, 'govuk-frontend.min.js'), join(wwwroot, 'js', 'govuk-frontend.min.js'))

// Only the images the stylesheet refers to. No fonts: the portal uses a system font stack.
const images = new Set([...result.css.matchAll(/url\("?\.\.\/assets\/images\/([^")]+)"?\)/g)].map(match => match[1]))
mkdirSync(join(wwwroot, 'assets', 'images'), { recursive: true })
for (const image of images) {
  cpSync(join(govuk, 'assets', 'images', image), join(wwwroot, 'assets', 'images', image))
}
