var ta=Object.defineProperty;var sa=Object.getOwnPropertyDescriptor;var g=(i,e,t,s)=>{for(var r=s>1?void 0:s?sa(e,t):e,n=i.length-1,o;n>=0;n--)(o=i[n])&&(r=(s?o(e,t,r):o(r))||r);return s&&r&&ta(e,t,r),r};var ls=globalThis,cs=ls.ShadowRoot&&(ls.ShadyCSS===void 0||ls.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,gi=Symbol(),Ir=new WeakMap,Pt=class{constructor(e,t,s){if(this._$cssResult$=!0,s!==gi)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,t=this.t;if(cs&&e===void 0){let s=t!==void 0&&t.length===1;s&&(e=Ir.get(t)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),s&&Ir.set(t,e))}return e}toString(){return this.cssText}},Or=i=>new Pt(typeof i=="string"?i:i+"",void 0,gi),mi=(i,...e)=>{let t=i.length===1?i[0]:e.reduce((s,r,n)=>s+(o=>{if(o._$cssResult$===!0)return o.cssText;if(typeof o=="number")return o;throw Error("Value passed to 'css' function must be a 'css' function result: "+o+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(r)+i[n+1],i[0]);return new Pt(t,i,gi)},Lr=(i,e)=>{if(cs)i.adoptedStyleSheets=e.map(t=>t instanceof CSSStyleSheet?t:t.styleSheet);else for(let t of e){let s=document.createElement("style"),r=ls.litNonce;r!==void 0&&s.setAttribute("nonce",r),s.textContent=t.cssText,i.appendChild(s)}},bi=cs?i=>i:i=>i instanceof CSSStyleSheet?(e=>{let t="";for(let s of e.cssRules)t+=s.cssText;return Or(t)})(i):i;var{is:ia,defineProperty:ra,getOwnPropertyDescriptor:na,getOwnPropertyNames:oa,getOwnPropertySymbols:aa,getPrototypeOf:la}=Object,us=globalThis,Pr=us.trustedTypes,ca=Pr?Pr.emptyScript:"",ua=us.reactiveElementPolyfillSupport,Dt=(i,e)=>i,Mt={toAttribute(i,e){switch(e){case Boolean:i=i?ca:null;break;case Object:case Array:i=i==null?i:JSON.stringify(i)}return i},fromAttribute(i,e){let t=i;switch(e){case Boolean:t=i!==null;break;case Number:t=i===null?null:Number(i);break;case Object:case Array:try{t=JSON.parse(i)}catch{t=null}}return t}},hs=(i,e)=>!ia(i,e),Dr={attribute:!0,type:String,converter:Mt,reflect:!1,useDefault:!1,hasChanged:hs};Symbol.metadata??=Symbol("metadata"),us.litPropertyMetadata??=new WeakMap;var Ie=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=Dr){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let s=Symbol(),r=this.getPropertyDescriptor(e,s,t);r!==void 0&&ra(this.prototype,e,r)}}static getPropertyDescriptor(e,t,s){let{get:r,set:n}=na(this.prototype,e)??{get(){return this[t]},set(o){this[t]=o}};return{get:r,set(o){let c=r?.call(this);n?.call(this,o),this.requestUpdate(e,c,s)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??Dr}static _$Ei(){if(this.hasOwnProperty(Dt("elementProperties")))return;let e=la(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(Dt("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(Dt("properties"))){let t=this.properties,s=[...oa(t),...aa(t)];for(let r of s)this.createProperty(r,t[r])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[s,r]of t)this.elementProperties.set(s,r)}this._$Eh=new Map;for(let[t,s]of this.elementProperties){let r=this._$Eu(t,s);r!==void 0&&this._$Eh.set(r,t)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let s=new Set(e.flat(1/0).reverse());for(let r of s)t.unshift(bi(r))}else e!==void 0&&t.push(bi(e));return t}static _$Eu(e,t){let s=t.attribute;return s===!1?void 0:typeof s=="string"?s:typeof e=="string"?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let s of t.keys())this.hasOwnProperty(s)&&(e.set(s,this[s]),delete this[s]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return Lr(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,s){this._$AK(e,s)}_$ET(e,t){let s=this.constructor.elementProperties.get(e),r=this.constructor._$Eu(e,s);if(r!==void 0&&s.reflect===!0){let n=(s.converter?.toAttribute!==void 0?s.converter:Mt).toAttribute(t,s.type);this._$Em=e,n==null?this.removeAttribute(r):this.setAttribute(r,n),this._$Em=null}}_$AK(e,t){let s=this.constructor,r=s._$Eh.get(e);if(r!==void 0&&this._$Em!==r){let n=s.getPropertyOptions(r),o=typeof n.converter=="function"?{fromAttribute:n.converter}:n.converter?.fromAttribute!==void 0?n.converter:Mt;this._$Em=r;let c=o.fromAttribute(t,n.type);this[r]=c??this._$Ej?.get(r)??c,this._$Em=null}}requestUpdate(e,t,s,r=!1,n){if(e!==void 0){let o=this.constructor;if(r===!1&&(n=this[e]),s??=o.getPropertyOptions(e),!((s.hasChanged??hs)(n,t)||s.useDefault&&s.reflect&&n===this._$Ej?.get(e)&&!this.hasAttribute(o._$Eu(e,s))))return;this.C(e,t,s)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(e,t,{useDefault:s,reflect:r,wrapped:n},o){s&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,o??t??this[e]),n!==!0||o!==void 0)||(this._$AL.has(e)||(this.hasUpdated||s||(t=void 0),this._$AL.set(e,t)),r===!0&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(t){Promise.reject(t)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[r,n]of this._$Ep)this[r]=n;this._$Ep=void 0}let s=this.constructor.elementProperties;if(s.size>0)for(let[r,n]of s){let{wrapped:o}=n,c=this[r];o!==!0||this._$AL.has(r)||c===void 0||this.C(r,void 0,n,c)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(s=>s.hostUpdate?.()),this.update(t)):this._$EM()}catch(s){throw e=!1,this._$EM(),s}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(t=>t.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(t=>this._$ET(t,this[t])),this._$EM()}updated(e){}firstUpdated(e){}};Ie.elementStyles=[],Ie.shadowRootOptions={mode:"open"},Ie[Dt("elementProperties")]=new Map,Ie[Dt("finalized")]=new Map,ua?.({ReactiveElement:Ie}),(us.reactiveElementVersions??=[]).push("2.1.2");var $i=globalThis,Mr=i=>i,ps=$i.trustedTypes,Nr=ps?ps.createPolicy("lit-html",{createHTML:i=>i}):void 0,vi="$lit$",Oe=`lit$${Math.random().toFixed(9).slice(2)}$`,ki="?"+Oe,ha=`<${ki}>`,st=document,Ut=()=>st.createComment(""),zt=i=>i===null||typeof i!="object"&&typeof i!="function",wi=Array.isArray,Fr=i=>wi(i)||typeof i?.[Symbol.iterator]=="function",yi=`[ 	
\f\r]`,Nt=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,Ur=/-->/g,zr=/>/g,et=RegExp(`>|${yi}(?:([^\\s"'>=/]+)(${yi}*=${yi}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),Hr=/'/g,jr=/"/g,Br=/^(?:script|style|textarea|title)$/i,Ei=i=>(e,...t)=>({_$litType$:i,strings:e,values:t}),y=Ei(1),Tc=Ei(2),_c=Ei(3),$e=Symbol.for("lit-noChange"),v=Symbol.for("lit-nothing"),qr=new WeakMap,tt=st.createTreeWalker(st,129);function Wr(i,e){if(!wi(i)||!i.hasOwnProperty("raw"))throw Error("invalid template strings array");return Nr!==void 0?Nr.createHTML(e):e}var Gr=(i,e)=>{let t=i.length-1,s=[],r,n=e===2?"<svg>":e===3?"<math>":"",o=Nt;for(let c=0;c<t;c++){let l=i[c],f,h,d=-1,b=0;for(;b<l.length&&(o.lastIndex=b,h=o.exec(l),h!==null);)b=o.lastIndex,o===Nt?h[1]==="!--"?o=Ur:h[1]!==void 0?o=zr:h[2]!==void 0?(Br.test(h[2])&&(r=RegExp("</"+h[2],"g")),o=et):h[3]!==void 0&&(o=et):o===et?h[0]===">"?(o=r??Nt,d=-1):h[1]===void 0?d=-2:(d=o.lastIndex-h[2].length,f=h[1],o=h[3]===void 0?et:h[3]==='"'?jr:Hr):o===jr||o===Hr?o=et:o===Ur||o===zr?o=Nt:(o=et,r=void 0);let k=o===et&&i[c+1].startsWith("/>")?" ":"";n+=o===Nt?l+ha:d>=0?(s.push(f),l.slice(0,d)+vi+l.slice(d)+Oe+k):l+Oe+(d===-2?c:k)}return[Wr(i,n+(i[t]||"<?>")+(e===2?"</svg>":e===3?"</math>":"")),s]},Ht=class i{constructor({strings:e,_$litType$:t},s){let r;this.parts=[];let n=0,o=0,c=e.length-1,l=this.parts,[f,h]=Gr(e,t);if(this.el=i.createElement(f,s),tt.currentNode=this.el.content,t===2||t===3){let d=this.el.content.firstChild;d.replaceWith(...d.childNodes)}for(;(r=tt.nextNode())!==null&&l.length<c;){if(r.nodeType===1){if(r.hasAttributes())for(let d of r.getAttributeNames())if(d.endsWith(vi)){let b=h[o++],k=r.getAttribute(d).split(Oe),A=/([.?@])?(.*)/.exec(b);l.push({type:1,index:n,name:A[2],strings:k,ctor:A[1]==="."?fs:A[1]==="?"?gs:A[1]==="@"?ms:rt}),r.removeAttribute(d)}else d.startsWith(Oe)&&(l.push({type:6,index:n}),r.removeAttribute(d));if(Br.test(r.tagName)){let d=r.textContent.split(Oe),b=d.length-1;if(b>0){r.textContent=ps?ps.emptyScript:"";for(let k=0;k<b;k++)r.append(d[k],Ut()),tt.nextNode(),l.push({type:2,index:++n});r.append(d[b],Ut())}}}else if(r.nodeType===8)if(r.data===ki)l.push({type:2,index:n});else{let d=-1;for(;(d=r.data.indexOf(Oe,d+1))!==-1;)l.push({type:7,index:n}),d+=Oe.length-1}n++}}static createElement(e,t){let s=st.createElement("template");return s.innerHTML=e,s}};function it(i,e,t=i,s){if(e===$e)return e;let r=s!==void 0?t._$Co?.[s]:t._$Cl,n=zt(e)?void 0:e._$litDirective$;return r?.constructor!==n&&(r?._$AO?.(!1),n===void 0?r=void 0:(r=new n(i),r._$AT(i,t,s)),s!==void 0?(t._$Co??=[])[s]=r:t._$Cl=r),r!==void 0&&(e=it(i,r._$AS(i,e.values),r,s)),e}var ds=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:s}=this._$AD,r=(e?.creationScope??st).importNode(t,!0);tt.currentNode=r;let n=tt.nextNode(),o=0,c=0,l=s[0];for(;l!==void 0;){if(o===l.index){let f;l.type===2?f=new $t(n,n.nextSibling,this,e):l.type===1?f=new l.ctor(n,l.name,l.strings,this,e):l.type===6&&(f=new bs(n,this,e)),this._$AV.push(f),l=s[++c]}o!==l?.index&&(n=tt.nextNode(),o++)}return tt.currentNode=st,r}p(e){let t=0;for(let s of this._$AV)s!==void 0&&(s.strings!==void 0?(s._$AI(e,s,t),t+=s.strings.length-2):s._$AI(e[t])),t++}},$t=class i{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,s,r){this.type=2,this._$AH=v,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=s,this.options=r,this._$Cv=r?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=it(this,e,t),zt(e)?e===v||e==null||e===""?(this._$AH!==v&&this._$AR(),this._$AH=v):e!==this._$AH&&e!==$e&&this._(e):e._$litType$!==void 0?this.$(e):e.nodeType!==void 0?this.T(e):Fr(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==v&&zt(this._$AH)?this._$AA.nextSibling.data=e:this.T(st.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:s}=e,r=typeof s=="number"?this._$AC(e):(s.el===void 0&&(s.el=Ht.createElement(Wr(s.h,s.h[0]),this.options)),s);if(this._$AH?._$AD===r)this._$AH.p(t);else{let n=new ds(r,this),o=n.u(this.options);n.p(t),this.T(o),this._$AH=n}}_$AC(e){let t=qr.get(e.strings);return t===void 0&&qr.set(e.strings,t=new Ht(e)),t}k(e){wi(this._$AH)||(this._$AH=[],this._$AR());let t=this._$AH,s,r=0;for(let n of e)r===t.length?t.push(s=new i(this.O(Ut()),this.O(Ut()),this,this.options)):s=t[r],s._$AI(n),r++;r<t.length&&(this._$AR(s&&s._$AB.nextSibling,r),t.length=r)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let s=Mr(e).nextSibling;Mr(e).remove(),e=s}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},rt=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,s,r,n){this.type=1,this._$AH=v,this._$AN=void 0,this.element=e,this.name=t,this._$AM=r,this.options=n,s.length>2||s[0]!==""||s[1]!==""?(this._$AH=Array(s.length-1).fill(new String),this.strings=s):this._$AH=v}_$AI(e,t=this,s,r){let n=this.strings,o=!1;if(n===void 0)e=it(this,e,t,0),o=!zt(e)||e!==this._$AH&&e!==$e,o&&(this._$AH=e);else{let c=e,l,f;for(e=n[0],l=0;l<n.length-1;l++)f=it(this,c[s+l],t,l),f===$e&&(f=this._$AH[l]),o||=!zt(f)||f!==this._$AH[l],f===v?e=v:e!==v&&(e+=(f??"")+n[l+1]),this._$AH[l]=f}o&&!r&&this.j(e)}j(e){e===v?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}},fs=class extends rt{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===v?void 0:e}},gs=class extends rt{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==v)}},ms=class extends rt{constructor(e,t,s,r,n){super(e,t,s,r,n),this.type=5}_$AI(e,t=this){if((e=it(this,e,t,0)??v)===$e)return;let s=this._$AH,r=e===v&&s!==v||e.capture!==s.capture||e.once!==s.once||e.passive!==s.passive,n=e!==v&&(s===v||r);r&&this.element.removeEventListener(this.name,this,s),n&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},bs=class{constructor(e,t,s){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=s}get _$AU(){return this._$AM._$AU}_$AI(e){it(this,e)}},Vr={M:vi,P:Oe,A:ki,C:1,L:Gr,R:ds,D:Fr,V:it,I:$t,H:rt,N:gs,U:ms,B:fs,F:bs},pa=$i.litHtmlPolyfillSupport;pa?.(Ht,$t),($i.litHtmlVersions??=[]).push("3.3.3");var Yr=(i,e,t)=>{let s=t?.renderBefore??e,r=s._$litPart$;if(r===void 0){let n=t?.renderBefore??null;s._$litPart$=r=new $t(e.insertBefore(Ut(),n),n,void 0,t??{})}return r._$AI(i),r};var Ai=globalThis,q=class extends Ie{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=Yr(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return $e}};q._$litElement$=!0,q.finalized=!0,Ai.litElementHydrateSupport?.({LitElement:q});var da=Ai.litElementPolyfillSupport;da?.({LitElement:q});(Ai.litElementVersions??=[]).push("4.2.2");var le=i=>(e,t)=>{t!==void 0?t.addInitializer(()=>{customElements.define(i,e)}):customElements.define(i,e)};var fa={attribute:!0,type:String,converter:Mt,reflect:!1,hasChanged:hs},ga=(i=fa,e,t)=>{let{kind:s,metadata:r}=t,n=globalThis.litPropertyMetadata.get(r);if(n===void 0&&globalThis.litPropertyMetadata.set(r,n=new Map),s==="setter"&&((i=Object.create(i)).wrapped=!0),n.set(t.name,i),s==="accessor"){let{name:o}=t;return{set(c){let l=e.get.call(this);e.set.call(this,c),this.requestUpdate(o,l,i,!0,c)},init(c){return c!==void 0&&this.C(o,void 0,i,c),c}}}if(s==="setter"){let{name:o}=t;return function(c){let l=this[o];e.call(this,c),this.requestUpdate(o,l,i,!0,c)}}throw Error("Unsupported decorator location: "+s)};function T(i){return(e,t)=>typeof t=="object"?ga(i,e,t):((s,r,n)=>{let o=r.hasOwnProperty(n);return r.constructor.createProperty(n,s),o?Object.getOwnPropertyDescriptor(r,n):void 0})(i,e,t)}function w(i){return T({...i,state:!0,attribute:!1})}var $s={ATTRIBUTE:1,CHILD:2,PROPERTY:3,BOOLEAN_ATTRIBUTE:4,EVENT:5,ELEMENT:6},vt=i=>(...e)=>({_$litDirective$:i,values:e}),je=class{constructor(e){}get _$AU(){return this._$AM._$AU}_$AT(e,t,s){this._$Ct=e,this._$AM=t,this._$Ci=s}_$AS(e,t){return this.update(e,t)}update(e,t){return this.render(...t)}};var{I:ma}=Vr,Kr=i=>i;var Zr=()=>document.createComment(""),kt=(i,e,t)=>{let s=i._$AA.parentNode,r=e===void 0?i._$AB:e._$AA;if(t===void 0){let n=s.insertBefore(Zr(),r),o=s.insertBefore(Zr(),r);t=new ma(n,o,i,i.options)}else{let n=t._$AB.nextSibling,o=t._$AM,c=o!==i;if(c){let l;t._$AQ?.(i),t._$AM=i,t._$AP!==void 0&&(l=i._$AU)!==o._$AU&&t._$AP(l)}if(n!==r||c){let l=t._$AA;for(;l!==n;){let f=Kr(l).nextSibling;Kr(s).insertBefore(l,r),l=f}}}return t},qe=(i,e,t=i)=>(i._$AI(e,t),i),ba={},vs=(i,e=ba)=>i._$AH=e,Xr=i=>i._$AH,ks=i=>{i._$AR(),i._$AA.remove()};var ws=vt(class extends je{constructor(){super(...arguments),this.key=v}render(i,e){return this.key=i,e}update(i,[e,t]){return e!==this.key&&(vs(i),this.key=e),t}});var Qr=(i,e,t)=>{let s=new Map;for(let r=e;r<=t;r++)s.set(i[r],r);return s},Es=vt(class extends je{constructor(i){if(super(i),i.type!==$s.CHILD)throw Error("repeat() can only be used in text expressions")}dt(i,e,t){let s;t===void 0?t=e:e!==void 0&&(s=e);let r=[],n=[],o=0;for(let c of i)r[o]=s?s(c,o):o,n[o]=t(c,o),o++;return{values:n,keys:r}}render(i,e,t){return this.dt(i,e,t).values}update(i,[e,t,s]){let r=Xr(i),{values:n,keys:o}=this.dt(e,t,s);if(!Array.isArray(r))return this.ut=o,n;let c=this.ut??=[],l=[],f,h,d=0,b=r.length-1,k=0,A=n.length-1;for(;d<=b&&k<=A;)if(r[d]===null)d++;else if(r[b]===null)b--;else if(c[d]===o[k])l[k]=qe(r[d],n[k]),d++,k++;else if(c[b]===o[A])l[A]=qe(r[b],n[A]),b--,A--;else if(c[d]===o[A])l[A]=qe(r[d],n[A]),kt(i,l[A+1],r[d]),d++,A--;else if(c[b]===o[k])l[k]=qe(r[b],n[k]),kt(i,r[d],r[b]),b--,k++;else if(f===void 0&&(f=Qr(o,k,A),h=Qr(c,d,b)),f.has(c[d]))if(f.has(c[b])){let I=h.get(o[k]),_=I!==void 0?r[I]:null;if(_===null){let C=kt(i,r[d]);qe(C,n[k]),l[k]=C}else l[k]=qe(_,n[k]),kt(i,r[d],_),r[I]=null;k++}else ks(r[b]),b--;else ks(r[d]),d++;for(;k<=A;){let I=kt(i,l[A+1]);qe(I,n[k]),l[k++]=I}for(;d<=b;){let I=r[d++];I!==null&&ks(I)}return this.ut=o,vs(i,l),$e}});var Jr=["CALL","VISIT","EMAIL","SMS","SHOWROOM_VISIT","MEETING","DEMO","FOLLOW_UP","OTHER"],en=["SALES","CREDIT_CONTROL","SERVICE"],tn=`query WidgetActivityTab($id: ID!) {
  me { subject agent { agentId name } permissions { capabilities } }
  outcomes: choices(list: OUTCOME) { value label }
  moods: choices(list: MOOD) { value label }
  customer(id: $id) {
    id
    interactions(first: 50) {
      totalCount
      edges { node { id type purpose subject outcome mood occurredAt loggedByAgent { name } } }
    }
    followUps(first: 50) {
      totalCount
      edges { node { id assignee { agentId name } dueAt instructions status outcome completedAt } }
    }
  }
}`,xi="errors { field code message }",sn=`mutation WidgetLogInteraction($input: LogInteractionInput!) {
  logInteraction(input: $input) { interaction { id subject } followUp { id } ${xi} }
}`,rn=`mutation WidgetCompleteFollowUp($input: CompleteFollowUpInput!) {
  completeFollowUp(input: $input) { followUp { id status outcome } ${xi} }
}`,nn=`mutation WidgetRescheduleFollowUp(
    $input: RescheduleFollowUpInput!) {
  rescheduleFollowUp(input: $input) { followUp { id dueAt } ${xi} }
}`;function on(i){return i?.permissions.capabilities.includes("WRITE_ACTIVITY")??!1}function Ti(i,e,t){if(!i||t.status!=="OPEN")return!1;let s=i.permissions.capabilities,r=e.toUpperCase();return s.includes(`${r}_ANY_FOLLOW_UP`)||t.assignee?.agentId===i.subject&&s.includes(`${r}_OWN_FOLLOW_UP`)}function As(i){return new Date(i.getTime()-i.getTimezoneOffset()*6e4).toISOString().slice(0,16)}function wt(i){let e=new Date(i);return i&&!Number.isNaN(e.getTime())?e.toISOString():null}function xs(i,e){return e?i.find(t=>t.value===e)?.label??e:""}var Q=class extends Error{},nt=class extends Error{},_i=class extends Error{constructor(t,s){super(t);this.codes=s}},ya=2e4,jt=class{constructor(e,t){this.endpoint=e;this.token=t}async request(e,t={},s=[]){let r;try{r=await fetch(this.endpoint,{method:"POST",headers:{"Content-Type":"application/json",Accept:"application/graphql-response+json, application/json",Authorization:`Bearer ${this.token()}`},body:JSON.stringify({query:e,variables:t}),signal:AbortSignal.timeout(ya)})}catch(f){throw new nt(`the gateway did not answer (${String(f)})`)}if(r.status===401)throw new Q("the session has expired");if(r.status>=500)throw new nt(`the gateway answered ${r.status}`);let n;try{n=await r.json()}catch{throw new nt(`the gateway answered ${r.status} without JSON`)}let o=n.errors??[],c=o.map(f=>f.extensions?.code??"ERROR");if(c.includes("UNAUTHENTICATED"))throw new Q("the session has expired");let l=n.data;if(l==null||s.some(f=>l[f]==null))throw new _i(o.map(f=>f.message).join("; "),c);return{data:l,errors:o}}};var Ts=["GENERAL","SUPPORT","SALES","PERSONAL"],_s=["INTERACTION_LOG","ESCALATION","FOLLOW_UP","RESOLUTION","SUPERVISOR","TECHNICAL","SENTIMENT"],an=["LOW","NORMAL","HIGH","CRITICAL"];function Fe(i){return i?i.edges.map(e=>e.node):[]}function Si(i,e,t){let s=i?.permissions.capabilities??[],r=e.toUpperCase();return s.includes(`${r}_ANY_NOTE`)||t.author?.agentId===i?.subject&&s.includes(`${r}_OWN_NOTE`)}function de(i){let e=i.toLowerCase().replaceAll("_"," ");return e.charAt(0).toUpperCase()+e.slice(1)}function Be(i){return[...new Set(i.split(",").map(e=>e.trim()).filter(Boolean))]}function Ss(i,e){return{subject:"",body:"",category:"GENERAL",type:"INTERACTION_LOG",scope:i,importance:"NORMAL",pinned:!1,tags:"",followUp:!1,assigneeId:e,dueAt:"",instructions:""}}function Ri(i){return{...Ss(i.scope,""),subject:i.subject,body:i.body,category:i.category,type:i.type,importance:i.importance,pinned:i.pinned,tags:i.tags.join(", ")}}function Rs(i){let e=[];return i.subject.length>300&&e.push({field:"subject",code:"TOO_LONG",message:`The subject is ${i.subject.length} characters; the limit is 300.`}),i.body.length>1e5&&e.push({field:"body",code:"TOO_LONG",message:`The body is ${i.body.length.toLocaleString("en")} characters; the limit is ${1e5.toLocaleString("en")}. Shorten it before saving (nothing was sent).`}),e}function Et(i,e){return i.find(t=>t.field===e)}function te(i,e){return e?y`<p class="error" id="${i}-error" role="alert">${e.message}</p>`:v}function We(i,e,t,s,r,n){return y`
    <label for=${i}>${e}</label>
    <select
      id=${i}
      .value=${t}
      aria-invalid=${n?"true":"false"}
      aria-describedby=${n?`${i}-error`:v}
      @change=${o=>r(o.target.value)}
    >
      ${s.map(o=>y`<option value=${o} ?selected=${o===t}>${de(o)}</option>`)}
    </select>
    ${te(i,n)}
  `}var ce=mi`
  :host {
    display: block;
    font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
    color: #1f2933;
  }
  *:focus-visible {
    outline: 3px solid #1a56db;
    outline-offset: 2px;
  }
  label,
  .label {
    display: block;
    font-weight: 600;
    margin: 0.5rem 0 0.15rem;
  }
  input[type="text"],
  input[type="search"],
  input[type="datetime-local"],
  select,
  textarea {
    box-sizing: border-box;
    width: 100%;
    padding: 0.35rem 0.45rem;
    border: 1px solid #616e7c;
    border-radius: 4px;
    font: inherit;
    color: inherit;
    background: #fff;
  }
  textarea {
    min-height: 7rem;
    resize: vertical;
  }
  [aria-invalid="true"] {
    border-color: #b91c1c;
  }
  .row {
    display: flex;
    gap: 0.5rem;
  }
  .row > * {
    flex: 1;
  }
  .row > .fit {
    flex: 0;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    font-weight: 600;
    margin: 0.5rem 0;
  }
  button {
    font: inherit;
    padding: 0.35rem 0.8rem;
    border-radius: 4px;
    border: 1px solid #1a56db;
    background: #fff;
    color: #1a56db;
    cursor: pointer;
  }
  button.primary {
    background: #1a56db;
    color: #fff;
  }
  button.danger {
    border-color: #b91c1c;
    color: #b91c1c;
  }
  button[disabled] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .error {
    color: #b91c1c;
    margin: 0.2rem 0 0;
    font-size: 0.9em;
  }
  .hint {
    color: #52606d;
    font-size: 0.9em;
    margin: 0.2rem 0 0;
  }
  .status {
    padding: 0.4rem 0.6rem;
    border-radius: 4px;
    background: #eff6ff;
    color: #1e3a8a;
    margin: 0.5rem 0;
  }
  .status.warn {
    background: #fef3c7;
    color: #78350f;
  }
  .spinner {
    display: inline-block;
    width: 0.9em;
    height: 0.9em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    vertical-align: -0.1em;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  .actions {
    display: flex;
    gap: 0.5rem;
    flex-wrap: wrap;
    margin-top: 0.6rem;
    align-items: center;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .chips {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem;
    padding: 0;
    margin: 0.3rem 0;
  }
  .chips li {
    background: #e4e7eb;
    border-radius: 999px;
    padding: 0 0.6rem;
  }
  .chips button {
    border: none;
    padding: 0 0.2rem;
    background: transparent;
    color: #1f2933;
  }
  ul.notes {
    list-style: none;
    padding: 0;
  }
  ul.notes > li {
    border: 1px solid #d9e2ec;
    border-radius: 6px;
    padding: 0.2rem 0.8rem 0.6rem;
    margin: 0.6rem 0;
  }
  h2 {
    font-size: 1.2rem;
    margin: 0 0 0.5rem;
  }
  h3 {
    font-size: 1rem;
    margin: 0.5rem 0 0.2rem;
  }
  [role="tablist"] {
    display: flex;
    gap: 0.3rem;
    border-bottom: 1px solid #d9e2ec;
    margin-bottom: 0.6rem;
  }
  [role="tab"] {
    border: none;
    border-bottom: 3px solid transparent;
    border-radius: 0;
    color: #3e4c59;
  }
  [role="tab"][aria-selected="true"] {
    border-bottom-color: #1a56db;
    color: #102a43;
    font-weight: 600;
  }
  fieldset {
    border: 1px solid #d9e2ec;
    border-radius: 4px;
  }
  .markdown :is(p, ul, ol, pre, blockquote) {
    margin: 0.3rem 0;
  }
  .markdown pre {
    white-space: pre-wrap;
  }
  .matches em {
    font-style: normal;
    font-weight: 600;
    background: #fef08a;
  }
`;var $a=0,J=class extends q{constructor(){super(...arguments);this.outcomes=[];this.mayComplete=!1;this.mayReschedule=!1;this.mode=null;this.outcome="";this.comment="";this.dueAt="";this.reason="";this.errors=[];this.busy=!1;this.uid=`a${++$a}`}async show(t){let s=this.mode;this.mode=t,this.errors=[],t==="reschedule"&&(this.dueAt=As(new Date(this.followUp.dueAt))),await this.updateComplete;let r=t?`#${this.uid}-${t==="complete"?"outcome":"due"}`:`#${this.uid}-${s??"complete"}`;this.renderRoot.querySelector(r)?.focus()}async send(){if(this.busy||!this.mode)return;let t=this.mode==="complete";if(t&&!this.outcome)return this.fail([{field:"outcome",code:"REQUIRED",message:"Choose an outcome."}]);let s=wt(this.dueAt);if(!t&&!s)return this.fail([{field:"dueAt",code:"REQUIRED",message:"Choose a due date."}]);let r=t?"completeFollowUp":"rescheduleFollowUp",n=t?{id:this.followUp.id,outcome:this.outcome,comment:this.comment||null}:{id:this.followUp.id,dueAt:s,reason:this.reason||null};this.busy=!0;try{let{data:o}=await this.client.request(t?rn:nn,{input:n},[r]),c=o[r];if(c.errors.length||!c.followUp)return this.fail(c.errors);this.mode=null,this.errors=[],this.dispatchEvent(new CustomEvent("follow-up-changed",{detail:{id:this.followUp.id,action:t?"completed":"rescheduled"},bubbles:!0,composed:!0}))}catch(o){let c=o instanceof Q?"Your session has expired; sign in again and try once more.":`Not saved: ${o instanceof Error?o.message:o}`;this.fail([{field:null,code:"FAILED",message:c}])}finally{this.busy=!1}}async fail(t){this.errors=t,await this.updateComplete,this.renderRoot.querySelector('[aria-invalid="true"]')?.focus()}render(){return!this.mayComplete&&!this.mayReschedule?v:y`
      <div class="actions">
        ${this.mayComplete?y`<button
              type="button"
              id="${this.uid}-complete"
              aria-expanded=${this.mode==="complete"?"true":"false"}
              @click=${()=>this.show(this.mode==="complete"?null:"complete")}
            >Complete</button>`:v}
        ${this.mayReschedule?y`<button
              type="button"
              id="${this.uid}-reschedule"
              aria-expanded=${this.mode==="reschedule"?"true":"false"}
              @click=${()=>this.show(this.mode==="reschedule"?null:"reschedule")}
            >Reschedule</button>`:v}
      </div>
      ${this.mode?this.form(this.mode):v}
    `}field(t,s,r){let n=`${this.uid}-${t}`,o=Et(this.errors,t==="due"?"dueAt":t);return y`<label for=${n}>${s}</label>${r(n,o)}${te(n,o)}`}form(t){let s=(l,f)=>f?`${l}-error`:v,r=["outcome","comment","dueAt","reason"],n=this.errors.filter(l=>!r.includes(l.field??"")),o=(l,f)=>(h,d)=>y`<input
        id=${h}
        type="text"
        .value=${l}
        aria-invalid=${d?"true":"false"}
        aria-describedby=${s(h,d)}
        @input=${b=>f(b.target.value)}
      />`,c=t==="complete"?y`
            ${this.field("outcome","Outcome",(l,f)=>y`<select
              id=${l}
              aria-invalid=${f?"true":"false"}
              aria-describedby=${s(l,f)}
              @change=${h=>this.outcome=h.target.value}
            >
              <option value="" ?selected=${!this.outcome}>(choose)</option>
              ${this.outcomes.map(h=>y`<option value=${h.value} ?selected=${h.value===this.outcome}>
                  ${h.label}
                </option>`)}
            </select>`)}
            ${this.field("comment","Comment",o(this.comment,l=>this.comment=l))}
          `:y`
            ${this.field("due","New due date",(l,f)=>y`<input
              id=${l}
              type="datetime-local"
              .value=${this.dueAt}
              aria-invalid=${f?"true":"false"}
              aria-describedby=${s(l,f)}
              @input=${h=>this.dueAt=h.target.value}
            />`)}
            ${this.field("reason","Reason",o(this.reason,l=>this.reason=l))}
          `;return y`
      <form
        aria-label=${t==="complete"?"Complete the follow-up":"Reschedule the follow-up"}
        aria-busy=${this.busy?"true":"false"}
        @submit=${l=>{l.preventDefault(),this.send()}}
        @keydown=${l=>{l.key==="Escape"&&this.show(null)}}
      >
        ${c}
        ${n.map(l=>y`<p class="error" role="alert">${l.message}</p>`)}
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.busy}>
            ${t==="complete"?"Save completion":"Save new due date"}
          </button>
          <button type="button" @click=${()=>this.show(null)}>Cancel</button>
        </div>
      </form>
    `}};J.styles=ce,g([T({attribute:!1})],J.prototype,"client",2),g([T({attribute:!1})],J.prototype,"followUp",2),g([T({attribute:!1})],J.prototype,"outcomes",2),g([T({type:Boolean})],J.prototype,"mayComplete",2),g([T({type:Boolean})],J.prototype,"mayReschedule",2),g([w()],J.prototype,"mode",2),g([w()],J.prototype,"outcome",2),g([w()],J.prototype,"comment",2),g([w()],J.prototype,"dueAt",2),g([w()],J.prototype,"reason",2),g([w()],J.prototype,"errors",2),g([w()],J.prototype,"busy",2),J=g([le("c360-follow-up-actions")],J);var At=class{constructor(e,t){this.host=e;this.find=t;this.query="";this.found=[];this.status="";this.asked=0;e.addController(this)}hostConnected(){}async search(e){this.query=e;let t=++this.asked,s=this.find();if(s){this.host.requestUpdate();try{let r=await s(e.trim());if(t!==this.asked)return;this.found=r,this.status=r.length?`${r.length} agent${r.length===1?"":"s"} found; choose one under Assignee.`:"No agent found."}catch{t===this.asked&&(this.status="Agents could not be looked up.")}this.host.requestUpdate()}}choices(e,t){let s=[...this.found,...t].find(n=>n.agentId===e),r=this.found.filter(n=>n.agentId!==e);return e?[s??{agentId:e,name:e},...r]:r}};var ot=`id customerId author { agentId name } subject body category type scope importance
  pinned tags version createdAt updatedAt`,ln=`query WidgetMe {
  me { subject roles agent { agentId name } permissions { readableScopes writableScopes capabilities } }
}`;var cn=`query WidgetNotes($id: ID!, $filter: NoteFilter, $first: Int!) {
  customer(id: $id) {
    id name tags(first: 100) { edges { node } }
    notes(first: $first, filter: $filter) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { ${ot} } }
    }
  }
  controlledTags { tag }
}`,un=`query WidgetMoreNotes($id: ID!, $filter: NoteFilter, $first: Int!,
    $after: String!) {
  customer(id: $id) {
    id
    notes(first: $first, after: $after, filter: $filter) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { ${ot} } }
    }
  }
}`,Ci=`query WidgetSearch($query: String, $filter: NoteFilter!, $first: Int!,
    $after: String) {
  searchNotes(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { highlights { subject body } node { ${ot} } }
  }
}`,hn=`query WidgetNote($id: ID!) { note(id: $id) { ${ot} } }`,pn=`query WidgetHistory($id: ID!) {
  note(id: $id) {
    id
    history(first: 100) {
      edges { node { version editor { agentId name } editedAt changes { field before after } } }
    }
  }
}`,Cs=`query WidgetAgents($query: String) {
  agents(query: $query, first: 20) { edges { node { agentId name role } } }
}`,dn=`mutation WidgetCreate($input: CreateNoteInput!) {
  createNote(input: $input) { note { ${ot} } errors { field code message } }
}`,fn=`mutation WidgetUpdate($input: UpdateNoteInput!) {
  updateNote(input: $input) { note { ${ot} } errors { field code message } }
}`,gn=`mutation WidgetDelete($input: DeleteNoteInput!) {
  deleteNote(input: $input) { note { id deleted deletedAt } errors { field code message } }
}`,mn=`mutation WidgetRestore($input: RestoreNoteInput!) {
  restoreNote(input: $input) { note { ${ot} } errors { field code message } }
}`;var va=["type","purpose","subject","detail","outcome","mood","occurredAt"],ka=0,ne=class extends q{constructor(){super(...arguments);this.customerId="";this.outcomes=[];this.moods=[];this.me=null;this.open=!1;this.draft=this.blank();this.errors=[];this.busy=!1;this.status="";this.agents=new At(this,()=>this.findAgents);this.uid=`i${++ka}`;this.findAgents=async t=>{let{data:s}=await this.client.request(Cs,{query:t||null});return s.agents?.edges.map(r=>r.node)??[]}}blank(){return{type:"CALL",purpose:"SERVICE",subject:"",detail:"",outcome:"",mood:"",occurredAt:As(new Date),followUp:!1,assigneeId:this.me?.agentId??"",dueAt:"",instructions:""}}set(t,s){this.draft={...this.draft,[t]:s}}async toggle(){this.open=!this.open,this.open&&(this.draft.assigneeId||this.set("assigneeId",this.me?.agentId??""),await this.updateComplete,this.renderRoot.querySelector(`#${this.uid}-type`)?.focus())}input(){let t=this.draft;return{customerId:this.customerId,type:t.type,purpose:t.purpose,subject:t.subject,detail:t.detail||null,outcome:t.outcome||null,mood:t.mood||null,occurredAt:wt(t.occurredAt),followUp:t.followUp?{assigneeId:t.assigneeId,dueAt:wt(t.dueAt),instructions:t.instructions||null}:null}}async submit(){if(this.busy)return;let t=[];if(this.draft.followUp&&!wt(this.draft.dueAt)&&t.push({field:"followUp.dueAt",code:"REQUIRED",message:"Choose a due date."}),t.length)return this.fail(t);this.busy=!0,this.status="";try{let{data:s}=await this.client.request(sn,{input:this.input()},["logInteraction"]),r=s.logInteraction;if(r.errors.length||!r.interaction)return this.fail(r.errors);this.errors=[],this.status=`Logged “${r.interaction.subject}”.`,this.draft=this.blank(),this.dispatchEvent(new CustomEvent("interaction-logged",{detail:{id:r.interaction.id},bubbles:!0,composed:!0}))}catch(s){let r=s instanceof Q?"Your session has expired; sign in again and save once more (your entry is kept).":`The interaction was not saved: ${s instanceof Error?s.message:s}`;this.fail([{field:null,code:"FAILED",message:r}])}finally{this.busy=!1}}async fail(t){this.errors=t,this.status="The interaction was not saved: see the highlighted fields.",await this.updateComplete,this.renderRoot.querySelector('[aria-invalid="true"]')?.focus()}render(){return y`
      <div class="actions">
        <button
          type="button"
          aria-expanded=${this.open?"true":"false"}
          aria-controls="${this.uid}-form"
          @click=${()=>this.toggle()}
        >
          ${this.open?"Close the interaction form":"Log an interaction"}
        </button>
      </div>
      <div role="status" class=${this.status?"status":""}>${this.status}</div>
      ${this.open?this.form():v}
    `}form(){let t=this.draft,s=l=>`${this.uid}-${l}`,r=l=>Et(this.errors,l),n=this.errors.filter(l=>!va.includes(l.field??"")&&!(l.field??"").startsWith("followUp.")),o=(l,f,h)=>y`
      <label for=${s(l)}>${f}</label>
      <select
        id=${s(l)}
        aria-invalid=${r(l)?"true":"false"}
        aria-describedby=${r(l)?`${s(l)}-error`:v}
        @change=${d=>this.set(l,d.target.value)}
      >
        <option value="" ?selected=${!t[l]}>(none)</option>
        ${h.map(d=>y`<option value=${d.value} ?selected=${d.value===t[l]}>${d.label}</option>`)}
      </select>
      ${te(s(l),r(l))}
    `,c=(l,f,h)=>y`
      <label for=${s(l)}>${f}</label>
      <input
        id=${s(l)}
        type=${h}
        .value=${t[l]}
        aria-invalid=${r(l)?"true":"false"}
        aria-describedby=${r(l)?`${s(l)}-error`:v}
        @input=${d=>this.set(l,d.target.value)}
      />
      ${te(s(l),r(l))}
    `;return y`
      <form
        id="${this.uid}-form"
        aria-label="Log an interaction"
        aria-busy=${this.busy?"true":"false"}
        @keydown=${l=>{l.key==="Enter"&&(l.ctrlKey||l.metaKey)&&(l.preventDefault(),this.submit())}}
        @submit=${l=>{l.preventDefault(),this.submit()}}
      >
        <div class="row">
          <div>
            ${We(s("type"),"Type",t.type,Jr,l=>this.set("type",l),r("type"))}
          </div>
          <div>
            ${We(s("purpose"),"Purpose",t.purpose,en,l=>this.set("purpose",l),r("purpose"))}
          </div>
        </div>
        ${c("subject","Subject","text")}
        <label for=${s("detail")}>Detail (markdown)</label>
        <textarea
          id=${s("detail")}
          .value=${t.detail}
          aria-invalid=${r("detail")?"true":"false"}
          aria-describedby=${r("detail")?`${s("detail")}-error`:v}
          @input=${l=>this.set("detail",l.target.value)}
        ></textarea>
        ${te(s("detail"),r("detail"))}
        <div class="row">
          <div>${o("outcome","Outcome",this.outcomes)}</div>
          <div>${o("mood","Mood",this.moods)}</div>
        </div>
        ${c("occurredAt","Occurred at","datetime-local")}
        ${this.followUp(s,r)}
        ${n.map(l=>y`<p class="error" role="alert">${l.message}</p>`)}
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.busy}>Save interaction</button>
          ${this.busy?y`<span role="status"><span class="spinner" aria-hidden="true"></span> Saving…</span>`:v}
        </div>
      </form>
    `}followUp(t,s){let r=this.draft,n=this.me?[this.me]:[];return y`
      <label class="check">
        <input
          type="checkbox"
          .checked=${r.followUp}
          @change=${o=>{let c=o.target.checked;this.set("followUp",c),c&&!this.agents.found.length&&this.agents.search(this.agents.query)}}
        />
        Add a follow-up
      </label>
      ${r.followUp?y`<fieldset>
            <legend>Follow-up</legend>
            <label for=${t("assignee-find")}>Find assignee</label>
            <input
              id=${t("assignee-find")}
              type="search"
              autocomplete="off"
              aria-describedby=${t("assignee-found")}
              .value=${this.agents.query}
              @input=${o=>this.agents.search(o.target.value)}
            />
            <span id=${t("assignee-found")} class="hint" role="status">${this.agents.status}</span>
            <label for=${t("assignee")}>Assignee</label>
            <select
              id=${t("assignee")}
              aria-invalid=${s("followUp.assigneeId")?"true":"false"}
              aria-describedby=${s("followUp.assigneeId")?`${t("assignee")}-error`:v}
              @change=${o=>this.set("assigneeId",o.target.value)}
            >
              ${this.agents.choices(r.assigneeId,n).map(o=>y`<option value=${o.agentId} ?selected=${o.agentId===r.assigneeId}>
                  ${o.name}${o.agentId===this.me?.agentId?" (me)":""}
                </option>`)}
            </select>
            ${te(t("assignee"),s("followUp.assigneeId"))}
            <label for=${t("due")}>Due</label>
            <input
              id=${t("due")}
              type="datetime-local"
              .value=${r.dueAt}
              aria-invalid=${s("followUp.dueAt")?"true":"false"}
              aria-describedby=${s("followUp.dueAt")?`${t("due")}-error`:v}
              @input=${o=>this.set("dueAt",o.target.value)}
            />
            ${te(t("due"),s("followUp.dueAt"))}
            <label for=${t("instructions")}>Instructions</label>
            <input
              id=${t("instructions")}
              type="text"
              .value=${r.instructions}
              aria-invalid=${s("followUp.instructions")?"true":"false"}
              aria-describedby=${s("followUp.instructions")?`${t("instructions")}-error`:v}
              @input=${o=>this.set("instructions",o.target.value)}
            />
            ${te(t("instructions"),s("followUp.instructions"))}
          </fieldset>`:v}
    `}};ne.styles=ce,g([T({attribute:!1})],ne.prototype,"client",2),g([T()],ne.prototype,"customerId",2),g([T({attribute:!1})],ne.prototype,"outcomes",2),g([T({attribute:!1})],ne.prototype,"moods",2),g([T({attribute:!1})],ne.prototype,"me",2),g([w()],ne.prototype,"open",2),g([w()],ne.prototype,"draft",2),g([w()],ne.prototype,"errors",2),g([w()],ne.prototype,"busy",2),g([w()],ne.prototype,"status",2),ne=g([le("c360-interaction-form")],ne);var bn=i=>new Date(i).toISOString().slice(0,16).replace("T"," "),oe=class extends q{constructor(){super(...arguments);this.customerId="";this.me=null;this.outcomes=[];this.moods=[];this.interactions=null;this.followUps=null;this.loading=!0;this.failure="";this.status=""}connectedCallback(){super.connectedCallback(),this.load()}async load(){try{let{data:t}=await this.client.request(tn,{id:this.customerId}),s=t.customer;this.me=t.me,this.outcomes=t.outcomes??[],this.moods=t.moods??[],this.interactions=s?.interactions?Fe(s.interactions):null,this.followUps=s?.followUps?Fe(s.followUps):null,this.failure=""}catch(t){this.failure=`Activity could not be loaded: ${t instanceof Error?t.message:t}`}finally{this.loading=!1}}changed(t){this.status=`Follow-up ${t.detail.action}.`,this.load()}render(){if(this.loading)return y`<p role="status"><span class="spinner" aria-hidden="true"></span> Loading…</p>`;let t=this.interactions!==null&&on(this.me);return y`
      ${this.failure?y`<p class="error" role="alert">${this.failure}</p>`:v}
      <section aria-labelledby="interactions-heading">
        <h3 id="interactions-heading">Interactions</h3>
        ${t?y`<c360-interaction-form
              .client=${this.client}
              .customerId=${this.customerId}
              .outcomes=${this.outcomes}
              .moods=${this.moods}
              .me=${this.me?.agent??(this.me?{agentId:this.me.subject,name:this.me.subject}:null)}
              @interaction-logged=${()=>{this.load()}}
            ></c360-interaction-form>`:v}
        ${this.interactions===null?y`<p class="hint">Not available to your role.</p>`:this.interactions.length?y`<ul aria-label="Interactions list">${this.interactions.map(s=>y`<li>
                <strong>${de(s.type)}</strong> (${de(s.purpose)}) — ${s.subject}
                <span class="hint">${bn(s.occurredAt)} · ${s.loggedByAgent?.name??"—"}${s.outcome?` · ${xs(this.outcomes,s.outcome)}`:""}${s.mood?` · ${xs(this.moods,s.mood)}`:""}</span>
              </li>`)}</ul>`:y`<p class="hint">No interactions yet.</p>`}
      </section>
      <section aria-labelledby="followups-heading">
        <h3 id="followups-heading">Follow-ups</h3>
        <div role="status" class=${this.status?"status":""}>${this.status}</div>
        ${this.followUps===null?y`<p class="hint">Not available to your role.</p>`:this.followUps.length?y`<ul aria-label="Follow-ups list">${Es(this.followUps,s=>s.id,s=>y`<li>
                Due ${bn(s.dueAt)} · ${s.assignee?.name??"—"}${s.status!=="OPEN"?` · ${de(s.status)}`:""}${s.outcome?` · ${xs(this.outcomes,s.outcome)}`:""}
                ${s.instructions?y`<div>${s.instructions}</div>`:v}
                <c360-follow-up-actions
                  .client=${this.client}
                  .followUp=${s}
                  .outcomes=${this.outcomes}
                  ?mayComplete=${Ti(this.me,"complete",s)}
                  ?mayReschedule=${Ti(this.me,"reschedule",s)}
                  @follow-up-changed=${this.changed}
                ></c360-follow-up-actions>
              </li>`)}</ul>`:y`<p class="hint">No follow-ups.</p>`}
      </section>
    `}};oe.styles=ce,g([T({attribute:!1})],oe.prototype,"client",2),g([T()],oe.prototype,"customerId",2),g([w()],oe.prototype,"me",2),g([w()],oe.prototype,"outcomes",2),g([w()],oe.prototype,"moods",2),g([w()],oe.prototype,"interactions",2),g([w()],oe.prototype,"followUps",2),g([w()],oe.prototype,"loading",2),g([w()],oe.prototype,"failure",2),g([w()],oe.prototype,"status",2),oe=g([le("c360-activity")],oe);var wa=/^[A-Z][A-Za-z0-9]*:./;function Ea(i){try{let e=Uint8Array.from(atob(i),t=>t.charCodeAt(0));return new TextDecoder("utf-8",{fatal:!0}).decode(e)}catch{return null}}function Is(i){let e=Ea(i);if(e!==null&&wa.test(e))return i;let t=new TextEncoder().encode(`Customer360:${i}`);return btoa(String.fromCharCode(...t))}var qt=class extends je{constructor(e){if(super(e),this.it=v,e.type!==$s.CHILD)throw Error(this.constructor.directiveName+"() can only be used in child bindings")}render(e){if(e===v||e==null)return this._t=void 0,this.it=e;if(e===$e)return e;if(typeof e!="string")throw Error(this.constructor.directiveName+"() called with a non-string value");if(e===this.it)return this._t;this.it=e;let t=[e];return t.raw=t,this._t={_$litType$:this.constructor.resultType,strings:t,values:[]}}};qt.directiveName="unsafeHTML",qt.resultType=1;var xt=vt(qt);function Aa(i,e){this.v=i,this.k=e}function yn(i,e){(e==null||e>i.length)&&(e=i.length);for(var t=0,s=Array(e);t<e;t++)s[t]=i[t];return s}function xa(i){if(Array.isArray(i))return i}function Ta(i,e){var t=i==null?null:typeof Symbol<"u"&&i[Symbol.iterator]||i["@@iterator"];if(t!=null){var s,r,n,o,c=[],l=!0,f=!1;try{if(n=(t=t.call(i)).next,e===0){if(Object(t)!==t)return;l=!1}else for(;!(l=(s=n.call(t)).done)&&(c.push(s.value),c.length!==e);l=!0);}catch(h){f=!0,r=h}finally{try{if(!l&&t.return!=null&&(o=t.return(),Object(o)!==o))return}finally{if(f)throw r}}return c}}function _a(){throw new TypeError(`Invalid attempt to destructure non-iterable instance.
In order to be iterable, non-array objects must have a [Symbol.iterator]() method.`)}function Sa(i,e){return xa(i)||Ta(i,e)||Ra(i,e)||_a()}function Ra(i,e){if(i){if(typeof i=="string")return yn(i,e);var t={}.toString.call(i).slice(8,-1);return t==="Object"&&i.constructor&&(t=i.constructor.name),t==="Map"||t==="Set"?Array.from(i):t==="Arguments"||/^(?:Ui|I)nt(?:8|16|32)(?:Clamped)?Array$/.test(t)?yn(i,e):void 0}}function Os(i){var e,t;function s(n,o){try{var c=i[n](o),l=c.value,f=l instanceof Aa;Promise.resolve(f?l.v:l).then(function(h){if(f){var d=n==="return"&&l.k?n:"next";if(!l.k||h.done)return s(d,h);h=i[d](h).value}r(!!c.done,h)},function(h){s("throw",h)})}catch(h){r(2,h)}}function r(n,o){n===2?e.reject(o):e.resolve({value:o,done:n}),(e=e.next)?s(e.key,e.arg):t=null}this._invoke=function(n,o){return new Promise(function(c,l){var f={key:n,arg:o,resolve:c,reject:l,next:null};t?t=t.next=f:(e=t=f,s(n,o))})},typeof i.return!="function"&&(this.return=void 0)}Os.prototype[typeof Symbol=="function"&&Symbol.asyncIterator||"@@asyncIterator"]=function(){return this},Os.prototype.next=function(i){return this._invoke("next",i)},Os.prototype.throw=function(i){return this._invoke("throw",i)},Os.prototype.return=function(i){return this._invoke("return",i)};var In=Object.entries,Ca=Object.keys,$n=Object.setPrototypeOf,Ia=Object.isFrozen,On=Object.getPrototypeOf,Ln=Object.getOwnPropertyDescriptor,Y=Object.freeze,F=Object.seal,Ve=Object.create,Pn=typeof Reflect<"u"&&Reflect,Ds=Pn.apply,ji=Pn.construct;Y||(Y=function(e){return e});F||(F=function(e){return e});Ds||(Ds=function(e,t){for(var s=arguments.length,r=new Array(s>2?s-2:0),n=2;n<s;n++)r[n-2]=arguments[n];return e.apply(t,r)});ji||(ji=function(e){for(var t=arguments.length,s=new Array(t>1?t-1:0),r=1;r<t;r++)s[r-1]=arguments[r];return new e(...s)});var Le=M(Array.prototype.forEach),Oa=M(Array.prototype.lastIndexOf),vn=M(Array.prototype.pop),Ft=M(Array.prototype.push),La=M(Array.prototype.slice),Pa=M(Array.prototype.splice),Tt=Array.isArray,Ii=Dn(Set),Oi=M(Set.prototype.add),Bt=M(Set.prototype.has),at=M(String.prototype.toLowerCase),Li=M(String.prototype.toString),Da=M(String.prototype.match),Ls=M(String.prototype.replace),Pi=M(String.prototype.indexOf),Ma=M(String.prototype.trim),Na=M(Number.prototype.toString),Ua=M(Boolean.prototype.toString),kn=typeof BigInt>"u"?null:M(BigInt.prototype.toString),wn=typeof Symbol>"u"?null:M(Symbol.prototype.toString),se=M(Object.prototype.hasOwnProperty),Wt=M(Object.prototype.toString),za=RegExp.prototype.test,V=function(e,t){return e instanceof RegExp&&(e.lastIndex=0),Ds(za,e,[t])},Pe=Dn(TypeError);function M(i){return function(e){for(var t=arguments.length,s=new Array(t>1?t-1:0),r=1;r<t;r++)s[r-1]=arguments[r];return Ds(i,e,s)}}function Dn(i){return function(){for(var e=arguments.length,t=new Array(e),s=0;s<e;s++)t[s]=arguments[s];return ji(i,t)}}function O(i,e){let t=arguments.length>2&&arguments[2]!==void 0?arguments[2]:at;if($n&&$n(i,null),!Tt(e))return i;let s=e.length;for(;s--;){let r=e[s];if(typeof r=="string"){let n=t(r);n!==r&&(Ia(e)||(e[s]=n),r=n)}i[r]=!0}return i}function Ha(i){for(let e=0;e<i.length;e++)se(i,e)||(i[e]=null);return i}function Ms(i){let e=Ve(null);for(let s of In(i)){var t=Sa(s,2);let r=t[0],n=t[1];se(i,r)&&(Tt(n)?e[r]=Ha(n):n&&typeof n=="object"&&n.constructor===Object?e[r]=Ms(n):e[r]=n)}return e}function Gt(i){let e=Ve(null),t=Ca(i),s=t.length;for(;s--;)e[t[s]]=i[t[s]];return e}function ja(i){switch(typeof i){case"string":return i;case"number":return Na(i);case"boolean":return Ua(i);case"bigint":return kn?kn(i):"0";case"symbol":return wn?wn(i):"Symbol()";case"undefined":return Wt(i);case"function":case"object":{if(i===null)return Wt(i);let e=i,t=ge(e,"toString");if(typeof t=="function"){let s=t(e);return typeof s=="string"?s:Wt(s)}return Wt(i)}default:return Wt(i)}}function ge(i,e){for(;i!==null;){let s=Ln(i,e);if(s){if(s.get)return M(s.get);if(typeof s.value=="function")return M(s.value)}i=On(i)}function t(){return null}return t}function qa(i,e){for(;i!==null;){let t=Ln(i,e);if(t)return t.get?M(t.get):null;i=On(i)}return null}function Fa(i){if(!i)return!1;try{return V(i,""),!0}catch{return!1}}var En=Y(["a","abbr","acronym","address","area","article","aside","audio","b","bdi","bdo","big","blink","blockquote","body","br","button","canvas","caption","center","cite","code","col","colgroup","content","data","datalist","dd","decorator","del","details","dfn","dialog","dir","div","dl","dt","element","em","fieldset","figcaption","figure","font","footer","form","h1","h2","h3","h4","h5","h6","head","header","hgroup","hr","html","i","img","input","ins","kbd","label","legend","li","main","map","mark","marquee","menu","menuitem","meter","nav","nobr","ol","optgroup","option","output","p","picture","pre","progress","q","rp","rt","ruby","s","samp","search","section","select","shadow","slot","small","source","spacer","span","strike","strong","style","sub","summary","sup","table","tbody","td","template","textarea","tfoot","th","thead","time","tr","track","tt","u","ul","var","video","wbr"]),Di=Y(["svg","a","altglyph","altglyphdef","altglyphitem","animatecolor","animatemotion","animatetransform","circle","clippath","defs","desc","ellipse","filter","font","g","glyph","glyphref","hkern","image","line","lineargradient","marker","mask","metadata","mpath","path","pattern","polygon","polyline","radialgradient","rect","stop","style","switch","symbol","text","textpath","title","tref","tspan","view","vkern"]),Mi=Y(["feBlend","feColorMatrix","feComponentTransfer","feComposite","feConvolveMatrix","feDiffuseLighting","feDisplacementMap","feDistantLight","feDropShadow","feFlood","feFuncA","feFuncB","feFuncG","feFuncR","feGaussianBlur","feImage","feMerge","feMergeNode","feMorphology","feOffset","fePointLight","feSpecularLighting","feSpotLight","feTile","feTurbulence"]),Ba=Y(["animate","color-profile","cursor","discard","font-face","font-face-format","font-face-name","font-face-src","font-face-uri","foreignobject","hatch","hatchpath","mesh","meshgradient","meshpatch","meshrow","missing-glyph","script","set","solidcolor","unknown","use"]),Ni=Y(["math","menclose","merror","mfenced","mfrac","mglyph","mi","mlabeledtr","mmultiscripts","mn","mo","mover","mpadded","mphantom","mroot","mrow","ms","mspace","msqrt","mstyle","msub","msup","msubsup","mtable","mtd","mtext","mtr","munder","munderover","mprescripts"]),Wa=Y(["maction","maligngroup","malignmark","mlongdiv","mscarries","mscarry","msgroup","mstack","msline","msrow","semantics","annotation","annotation-xml","mprescripts","none"]),An=Y(["#text"]),xn=Y(["accept","action","align","alt","autocapitalize","autocomplete","autopictureinpicture","autoplay","background","bgcolor","border","capture","cellpadding","cellspacing","checked","cite","class","clear","color","cols","colspan","command","commandfor","controls","controlslist","coords","crossorigin","datetime","decoding","default","dir","disabled","disablepictureinpicture","disableremoteplayback","download","draggable","enctype","enterkeyhint","exportparts","face","for","headers","height","hidden","high","href","hreflang","id","inert","inputmode","integrity","ismap","kind","label","lang","list","loading","loop","low","max","maxlength","media","method","min","minlength","multiple","muted","name","nonce","noshade","novalidate","nowrap","open","optimum","part","pattern","placeholder","playsinline","popover","popovertarget","popovertargetaction","poster","preload","pubdate","radiogroup","readonly","rel","required","rev","reversed","role","rows","rowspan","spellcheck","scope","selected","shape","size","sizes","slot","span","srclang","start","src","srcset","step","style","summary","tabindex","title","translate","type","usemap","valign","value","width","wrap","xmlns"]),Ui=Y(["accent-height","accumulate","additive","alignment-baseline","amplitude","ascent","attributename","attributetype","azimuth","basefrequency","baseline-shift","begin","bias","by","class","clip","clippathunits","clip-path","clip-rule","color","color-interpolation","color-interpolation-filters","color-profile","color-rendering","cx","cy","d","dx","dy","diffuseconstant","direction","display","divisor","dominant-baseline","dur","edgemode","elevation","end","exponent","fill","fill-opacity","fill-rule","filter","filterunits","flood-color","flood-opacity","font-family","font-size","font-size-adjust","font-stretch","font-style","font-variant","font-weight","fx","fy","g1","g2","glyph-name","glyphref","gradientunits","gradienttransform","height","href","id","image-rendering","in","in2","intercept","k","k1","k2","k3","k4","kerning","keypoints","keysplines","keytimes","lang","lengthadjust","letter-spacing","kernelmatrix","kernelunitlength","lighting-color","local","marker-end","marker-mid","marker-start","markerheight","markerunits","markerwidth","maskcontentunits","maskunits","max","mask","mask-type","media","method","mode","min","name","numoctaves","offset","operator","opacity","order","orient","orientation","origin","overflow","paint-order","path","pathlength","patterncontentunits","patterntransform","patternunits","pointer-events","points","preservealpha","preserveaspectratio","primitiveunits","r","rx","ry","radius","refx","refy","repeatcount","repeatdur","restart","result","rotate","scale","seed","shape-rendering","slope","specularconstant","specularexponent","spreadmethod","startoffset","stddeviation","stitchtiles","stop-color","stop-opacity","stroke-dasharray","stroke-dashoffset","stroke-linecap","stroke-linejoin","stroke-miterlimit","stroke-opacity","stroke","stroke-width","style","surfacescale","systemlanguage","tabindex","tablevalues","targetx","targety","transform","transform-origin","text-anchor","text-decoration","text-orientation","text-rendering","textlength","type","u1","u2","unicode","values","vector-effect","viewbox","visibility","version","vert-adv-y","vert-origin-x","vert-origin-y","width","word-spacing","wrap","writing-mode","xchannelselector","ychannelselector","x","x1","x2","xmlns","y","y1","y2","z","zoomandpan"]),Tn=Y(["accent","accentunder","align","bevelled","close","columnalign","columnlines","columnspacing","columnspan","denomalign","depth","dir","display","displaystyle","encoding","fence","frame","height","href","id","largeop","length","linethickness","lquote","lspace","mathbackground","mathcolor","mathsize","mathvariant","maxsize","minsize","movablelimits","notation","numalign","open","rowalign","rowlines","rowspacing","rowspan","rspace","rquote","scriptlevel","scriptminsize","scriptsizemultiplier","selection","separator","separators","stretchy","subscriptshift","supscriptshift","symmetric","voffset","width","xmlns"]),Ps=Y(["xlink:href","xml:id","xlink:title","xml:space","xmlns:xlink"]),Ga=F(/{{[\w\W]*|^[\w\W]*}}/g),Va=F(/<%[\w\W]*|^[\w\W]*%>/g),Ya=F(/\${[\w\W]*/g),Ka=F(/{{|}}|\${|<%|%>|&lt;%|%&gt;/),Za=F(/^data-[\-\w.\u00B7-\uFFFF]+$/),Xa=F(/^aria-[\-\w]+$/),_n=F(/^(?:(?:(?:f|ht)tps?|mailto|tel|callto|sms|cid|xmpp|matrix):|[^a-z]|[a-z+.\-]+(?:[^a-z+.\-:]|$))/i),Qa=F(/^(?:\w+script|data):/i),Ja=F(/[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g),el=F(/^html$/i),tl=F(/^[a-z][.\w]*(-[.\w]+)+$/i),zi=F(/<[/\w!]/g),Sn=F(/<[/\w]/g),sl=F(/<\/no(script|embed|frames)/i),Rn=F(/\/>/i),il=F(/((--!?|])>)|<\/(style|script|title|xmp|textarea|noscript|iframe|noembed|noframes)/i),rl=F(/^[\r\n\t ]+/),j={element:1,text:3,processingInstruction:7,comment:8,document:9,documentFragment:11},nl=Y(O({},["style","script","xmp","iframe","noembed","noframes","plaintext","noscript"])),ol=function(){return typeof window>"u"?null:window},al=function(e,t){if(typeof e!="object"||typeof e.createPolicy!="function")return null;let s=null,r="data-tt-policy-suffix";t&&t.hasAttribute(r)&&(s=t.getAttribute(r));let n="dompurify"+(s?"#"+s:"");try{return e.createPolicy(n,{createHTML(o){return o},createScriptURL(o){return o}})}catch{return console.warn("TrustedTypes policy "+n+" could not be created."),null}},Cn=function(){return{afterSanitizeAttributes:[],afterSanitizeElements:[],afterSanitizeShadowDOM:[],beforeSanitizeAttributes:[],beforeSanitizeElements:[],beforeSanitizeShadowDOM:[],uponSanitizeAttribute:[],uponSanitizeElement:[],uponSanitizeShadowNode:[]}},Ge=function(e,t,s,r){return se(e,t)&&Tt(e[t])?O(r.base?Gt(r.base):{},e[t],r.transform):s},Hi=function(e,t,s){let r=se(e,t)?e[t]:void 0;return r&&typeof r=="object"?Ms(r):s};function Mn(){let i=arguments.length>0&&arguments[0]!==void 0?arguments[0]:ol(),e=m=>Mn(m);if(e.version="3.4.18",e.removed=[],!i||!i.document||i.document.nodeType!==j.document||!i.Element)return e.isSupported=!1,e;let t=i.document,s=t,r=s.currentScript,n=i.HTMLTemplateElement,o=i.Node,c=i.Element,l=i.NodeFilter,f=i.DOMParser,h=i.trustedTypes,d=c.prototype,b=ge(d,"cloneNode"),k=ge(d,"remove"),A=ge(d,"removeAttributeNode"),I=ge(d,"nextSibling"),_=ge(d,"childNodes"),C=ge(d,"parentNode"),ue=ge(d,"shadowRoot"),D=ge(d,"attributes"),me=o&&o.prototype?ge(o.prototype,"nodeType"):null,he=o&&o.prototype?ge(o.prototype,"nodeName"):null,Me=o&&o.prototype?ge(o.prototype,"ownerDocument"):null,ee=function(a){return me?me(a):a.nodeType},ae=function(a){return he?he(a):a.nodeName},Ne=qa(d,"namespaceURI"),Ue=function(a){return Ne?Ne(a):a.namespaceURI};if(typeof n=="function"){let m=t.createElement("template");m.content&&m.content.ownerDocument&&(t=m.content.ownerDocument)}let Z,we="",Ee,re=!1,Ke=0,Se=function(){if(Ke>0)throw Pe('A configured TRUSTED_TYPES_POLICY callback (createHTML or createScriptURL) must not call DOMPurify.sanitize, as that causes infinite recursion. Do not pass a policy whose callbacks wrap DOMPurify as TRUSTED_TYPES_POLICY; see the "DOMPurify and Trusted Types" section of the README.')},Ct=function(a){Se(),Ke++;try{return Z.createHTML(a)}finally{Ke--}},rr=function(a){return Z&&Xs?Ct(a):a},mo=function(a){Se(),Ke++;try{return Z.createScriptURL(a)}finally{Ke--}},bo=function(){return re||(Ee=al(h,r),re=!0),Ee},Qt=t,Bs=Qt.implementation,yo=Qt.createNodeIterator,$o=Qt.createDocumentFragment,vo=Qt.getElementsByTagName,ko=s.importNode,N=Cn();e.isSupported=typeof In=="function"&&typeof C=="function"&&Bs&&Bs.createHTMLDocument!==void 0;let wo=Ga,Eo=Va,Ao=Ya,xo=Za,To=Xa,_o=Qa,So=Ja,Ro=tl,nr=_n,U=null,Ws=O({},[...En,...Di,...Mi,...Ni,...An]),z=null,Gs=O({},[...xn,...Ui,...Tn,...Ps]),Ae=null,It=null,or=null,ze=Object.seal(Ve(null,{tagCheck:{writable:!0,configurable:!1,enumerable:!0,value:null},attributeCheck:{writable:!0,configurable:!1,enumerable:!0,value:null}})),ar=!0,Vs=!0,lr=!1,Ys=!0,Re=!1,Ze=!0,Xe=!1,Ks=!1,Jt=null,es=null,Zs=!1,dt=!1,ts=!1,Xs=!1,cr=!0,ur=!1,hr="user-content-",Qs=!0,Js=!1,Qe=null,ft=!1,Je=null,pr=O({},["annotation-xml","audio","colgroup","desc","foreignobject","head","iframe","math","mi","mn","mo","ms","mtext","noembed","noframes","noscript","plaintext","script","selectedcontent","style","svg","template","thead","title","video","xmp"]),dr=null,fr=O({},["audio","video","img","source","image","track"]),gr=null,mr=O({},["alt","class","for","id","label","name","pattern","placeholder","role","summary","title","value","style","xmlns"]),ss="http://www.w3.org/1998/Math/MathML",is="http://www.w3.org/2000/svg",xe="http://www.w3.org/1999/xhtml",gt=xe,ei=!1,br=null,Co=O({},[ss,is,xe],Li),Io=Y(O({},["mi","mo","mn","ms","mtext"])),ti=null,Oo=Y(O({},["annotation-xml"])),si=null,Lo=Y(Ve(null)),Po=O({},["title","style","font","a","script"]),Ot=null,Do=["application/xhtml+xml","text/html"],Mo="text/html",H=null,rs=null,No=t.createElement("form"),yr=function(a){return a instanceof RegExp||a instanceof Function},ii=function(){let a=arguments.length>0&&arguments[0]!==void 0?arguments[0]:{};(!a||typeof a!="object")&&(a={}),a=Ms(a),Ot=Do.indexOf(a.PARSER_MEDIA_TYPE)===-1?Mo:a.PARSER_MEDIA_TYPE,H=Ot==="application/xhtml+xml"?Li:at,U=Ge(a,"ALLOWED_TAGS",Ws,{transform:H}),z=Ge(a,"ALLOWED_ATTR",Gs,{transform:H}),br=Ge(a,"ALLOWED_NAMESPACES",Co,{transform:Li}),gr=Ge(a,"ADD_URI_SAFE_ATTR",mr,{transform:H,base:mr}),dr=Ge(a,"ADD_DATA_URI_TAGS",fr,{transform:H,base:fr}),Je=Ge(a,"FORBID_CONTENTS",pr,{transform:H}),It=Ge(a,"FORBID_TAGS",Ve(null),{transform:H}),or=Ge(a,"FORBID_ATTR",Ve(null),{transform:H}),ft=se(a,"USE_PROFILES")?a.USE_PROFILES&&typeof a.USE_PROFILES=="object"?Ms(a.USE_PROFILES):a.USE_PROFILES:!1,ar=a.ALLOW_ARIA_ATTR!==!1,Vs=a.ALLOW_DATA_ATTR!==!1,lr=a.ALLOW_UNKNOWN_PROTOCOLS||!1,Ys=a.ALLOW_SELF_CLOSE_IN_ATTR!==!1,Re=a.SAFE_FOR_TEMPLATES||!1,Ze=a.SAFE_FOR_XML!==!1,Xe=a.WHOLE_DOCUMENT||!1,dt=a.RETURN_DOM||!1,ts=a.RETURN_DOM_FRAGMENT||!1,Xs=a.RETURN_TRUSTED_TYPE||!1,Zs=a.FORCE_BODY||!1,cr=a.SANITIZE_DOM!==!1,ur=a.SANITIZE_NAMED_PROPS||!1,Qs=a.KEEP_CONTENT!==!1,Js=a.IN_PLACE||!1,nr=Fa(a.ALLOWED_URI_REGEXP)?a.ALLOWED_URI_REGEXP:_n,gt=typeof a.NAMESPACE=="string"?a.NAMESPACE:xe,ti=Hi(a,"MATHML_TEXT_INTEGRATION_POINTS",Io),si=Hi(a,"HTML_INTEGRATION_POINTS",Oo);let u=Hi(a,"CUSTOM_ELEMENT_HANDLING",Lo);if(Ae=Ve(null),se(u,"tagNameCheck")&&yr(u.tagNameCheck)&&(Ae.tagNameCheck=u.tagNameCheck),se(u,"attributeNameCheck")&&yr(u.attributeNameCheck)&&(Ae.attributeNameCheck=u.attributeNameCheck),se(u,"allowCustomizedBuiltInElements")&&typeof u.allowCustomizedBuiltInElements=="boolean"&&(Ae.allowCustomizedBuiltInElements=u.allowCustomizedBuiltInElements),F(Ae),Re&&(Vs=!1),ts&&(dt=!0),ft&&((se(a,"ALLOWED_TAGS")||se(a,"ALLOWED_ATTR"))&&typeof console<"u"&&typeof console.warn=="function"&&console.warn("DOMPurify: USE_PROFILES overrides ALLOWED_TAGS and ALLOWED_ATTR. Do not use these options together."),U=O({},An),z=Ve(null),ft.html===!0&&(O(U,En),O(z,xn)),ft.svg===!0&&(O(U,Di),O(z,Ui),O(z,Ps)),ft.svgFilters===!0&&(O(U,Mi),O(z,Ui),O(z,Ps)),ft.mathMl===!0&&(O(U,Ni),O(z,Tn),O(z,Ps))),ze.tagCheck=null,ze.attributeCheck=null,se(a,"ADD_TAGS")&&(typeof a.ADD_TAGS=="function"?ze.tagCheck=a.ADD_TAGS:Tt(a.ADD_TAGS)&&(U===Ws&&(U=Gt(U)),O(U,a.ADD_TAGS,H))),se(a,"ADD_ATTR")&&(typeof a.ADD_ATTR=="function"?ze.attributeCheck=a.ADD_ATTR:Tt(a.ADD_ATTR)&&(z===Gs&&(z=Gt(z)),O(z,a.ADD_ATTR,H))),se(a,"ADD_FORBID_CONTENTS")&&Tt(a.ADD_FORBID_CONTENTS)&&(Je===pr&&(Je=Gt(Je)),O(Je,a.ADD_FORBID_CONTENTS,H)),Qs&&(U["#text"]=!0),Xe&&O(U,["html","head","body"]),U.table&&(U.tbody=!0,delete It.tbody),a.TRUSTED_TYPES_POLICY){if(typeof a.TRUSTED_TYPES_POLICY.createHTML!="function")throw Pe('TRUSTED_TYPES_POLICY configuration option must provide a "createHTML" hook.');if(typeof a.TRUSTED_TYPES_POLICY.createScriptURL!="function")throw Pe('TRUSTED_TYPES_POLICY configuration option must provide a "createScriptURL" hook.');let p=Z;Z=a.TRUSTED_TYPES_POLICY;try{we=Ct("")}catch($){throw Z=p,$}}else a.TRUSTED_TYPES_POLICY===null?(Z=void 0,we=""):(Z===void 0&&(Z=bo()),Z&&typeof we=="string"&&(we=Ct("")));rs=Y(a)},$r=O({},[...Di,...Mi,...Ba]),vr=O({},[...Ni,...Wa]),Uo=function(a,u,p){return u===xe?a==="svg":u===ss?a==="svg"&&(p==="annotation-xml"||ti[p]):!!$r[a]},zo=function(a,u,p){return u===xe?a==="math":u===is?a==="math"&&si[p]:!!vr[a]},Ho=function(a,u,p){return u===is&&!si[p]||u===ss&&!ti[p]?!1:!vr[a]&&(Po[a]||!$r[a])},jo=function(a){let u=Ue(a),p=at(ae(a)),$=C(a),E=gt,x="template";return $&&ee($)===j.element&&(E=Ue($),x=at(ae($))),br[u]?u===is?Uo(p,E,x):u===ss?zo(p,E,x):u===xe?Ho(p,E,x):Ot==="application/xhtml+xml":!1},He=function(a){Ft(e.removed,{element:a});try{C(a).removeChild(a)}catch{if(k(a),!C(a))throw Pe("a node selected for removal could not be detached from its tree and cannot be safely returned; refusing to sanitize in place")}},kr=function(a,u,p){try{A(a,u)}catch{try{a.removeAttribute(p)}catch{}}},ri=function(a){ai(a);let u=_(a);u&&Le(La(u),p=>{try{k(p)}catch{}}),ee(a)===j.element&&ni(a,!1)},mt=function(a,u,p){if(!p)try{p=u.getAttributeNode(a)}catch{p=null}if(Ft(e.removed,{attribute:p||null,from:u}),p)kr(u,p,a);else try{u.removeAttribute(a)}catch{}if(a==="is")if(dt||ts)try{He(u)}catch{}else try{u.setAttribute(a,"")}catch{}},ni=function(a,u){let p=D(a);if(p)for(let $=p.length-1;$>=0;--$){let E=p[$],x=E&&E.name;typeof x=="string"&&!(u&&z[H(x)])&&kr(a,E,x)}},oi=function(a,u){let p=arguments.length>2&&arguments[2]!==void 0?arguments[2]:!1,$=[a];for(;$.length>0;){let E=$.pop();if(u(E)===!1)continue;if(p&&ee(E)===j.element){let R=ue(E);bt(R)&&$.push(R)}let x=_(E);if(x)for(let R=x.length-1;R>=0;--R)$.push(x[R])}},ai=function(a){oi(a,u=>{ee(u)===j.element&&ni(u,!0)})},li=function(a){let u=[];return oi(a,p=>{u.push(p)},!0),u},qo=function(a,u){let p=Ii();Le(li(a),$=>{ee($)===j.element&&Oi(p,$)}),Le(u,$=>{ee($)===j.element&&!Bt(p,$)&&ni($,!0)})},wr=function(a,u){let p=!1;return Le(e.removed,$=>{$.element&&(p=p||$.element===a,ai($.element))}),qo(a,u),p},Fo=8,Bo=function(a,u){let p=Qe,$=null,E=()=>($||($=Ii(),Le(u,x=>{Oi($,x)})),$);for(let x=0;;x++){let R=li(a),W=[a],Ce=!1;if(Le(R,ye=>{ee(ye)===j.documentFragment?Ft(W,ye):!Ce&&!Bt(p,ye)&&(Ce=Bt(E(),ye))}),!Ce)return;if(x>=Fo)throw Pe("the tree kept changing during in-place sanitization; refusing to return it");Le(W,(ye,pe)=>{Wo(ye,pe>0,a,E())})}},Wo=function(a,u,p,$){let E=ns(a),x;for(;x=E.nextNode();)!Bt($,x)||Bt(Qe,x)||(u&&be(N.uponSanitizeShadowNode,x,null),pi(x,p))},Go=function(a){Qe&&Oi(Qe,a)},Er=function(a,u){return Ze?a==="patchsrc"?!0:a==="for"&&u!=="label"&&u!=="output":!1},Vo=function(a){Ze&&oi(a,u=>{let p=ee(u);if(p===j.processingInstruction||p===j.comment&&V(Sn,u.data)){try{k(u)}catch{}return!1}if(p===j.element){let $=u,E=H(ae(u));try{$.hasAttribute&&$.hasAttribute("patchsrc")&&$.removeAttribute("patchsrc"),$.hasAttribute&&$.hasAttribute("for")&&Er("for",E)&&$.removeAttribute("for")}catch{}}return!0})},Ar=function(a){let u=null,p=null;if(Zs)a="<remove></remove>"+a;else{let x=Da(a,rl);p=x&&x[0]}Ot==="application/xhtml+xml"&&gt===xe&&(a='<html xmlns="http://www.w3.org/1999/xhtml"><head></head><body>'+a+"</body></html>");let $=Z?Ct(a):a;if(gt===xe)try{u=new f().parseFromString($,Ot)}catch{}if(!u||!u.documentElement){u=Bs.createDocument(gt,"template",null);try{u.documentElement.innerHTML=ei?we:$}catch{}}let E=u.body||u.documentElement;return a&&p&&E.insertBefore(t.createTextNode(p),E.childNodes[0]||null),gt===xe?vo.call(u,Xe?"html":"body")[0]:Xe?u.documentElement:E},ns=function(a){let u=arguments.length>1&&arguments[1]!==void 0?arguments[1]:!1,p=Me?Me(a):a.ownerDocument;return yo.call(p||a,a,(u?0:l.SHOW_ELEMENT)|l.SHOW_COMMENT|l.SHOW_TEXT|l.SHOW_PROCESSING_INSTRUCTION|l.SHOW_CDATA_SECTION,null)},ci=function(a){return a=Ls(a,wo," "),a=Ls(a,Eo," "),a=Ls(a,Ao," "),a},ui=function(a){var u;hi(a);let p=(u=a.querySelectorAll)===null||u===void 0?void 0:u.call(a,"template");p&&Le(p,$=>{bt($.content)&&ui($.content)})},hi=function(a){a.normalize();let u=ns(a,!0),p=u.nextNode();for(;p;)p.data=ci(p.data),p=u.nextNode()},os=function(a){let u=he?he(a):null;return typeof u!="string"||H(u)!=="form"?!1:typeof a.nodeName!="string"||typeof a.textContent!="string"||typeof a.removeChild!="function"||a.attributes!==D(a)||typeof a.removeAttribute!="function"||typeof a.removeAttributeNode!="function"||typeof a.getAttributeNode!="function"||typeof a.setAttribute!="function"||typeof a.namespaceURI!="string"||typeof a.insertBefore!="function"||typeof a.hasChildNodes!="function"||a.nodeType!==me(a)||a.childNodes!==_(a)},xr=function(a){if(!me||typeof a!="object"||a===null)return null;try{let u=me(a);return typeof u=="number"?u:null}catch{return null}},bt=function(a){return xr(a)===j.documentFragment},Lt=function(a){return xr(a)!==null};function be(m,a,u){m.length!==0&&Le(m,p=>{p.call(e,a,u,rs)})}let Yo=function(a,u,p){return!!(Ze&&p===j.element&&a.hasChildNodes()&&!Lt(a.firstElementChild)&&V(zi,a.textContent)&&V(zi,a.innerHTML)||Ze&&nl[u]&&p===j.element&&Ue(a)===xe&&(Lt(a.firstElementChild)||typeof a.textContent=="string"&&V(zi,a.textContent))||p===j.processingInstruction||Ze&&p===j.comment&&V(Sn,a.data))},as=function(a,u){if(a instanceof RegExp)return V(a,u);if(a instanceof Function){for(var p=arguments.length,$=new Array(p>2?p-2:0),E=2;E<p;E++)$[E-2]=arguments[E];return!!a(u,...$)}return!1},Ko=function(a,u,p){if(!It[u]&&Sr(u)&&as(Ae.tagNameCheck,u))return!1;if(Qs&&!Je[u]&&!Je[at(u)]){let $=C(a),E=_(a);if(E&&$){let x=E.length;for(let R=x-1;R>=0;--R){let W=a===p?b(E[R],!0):E[R];$.insertBefore(W,I(a))}}}return He(a),!0},Tr=function(a,u,p,$){return a.length===0?u:u===p||u===$?Gt(u):u},yt=function(a,u){return a===u||C(a)!==null?!1:(Js&&ai(a),!0)},Zo=function(a,u){if(Go(a),be(N.beforeSanitizeElements,a,null),yt(a,u))return!0;if(os(a))return He(a),!0;let p=H(ae(a)),$=ee(a);if(U=Tr(N.uponSanitizeElement,U,Ws,Jt),be(N.uponSanitizeElement,a,{tagName:p,allowedTags:U}),yt(a,u))return!0;if(Yo(a,p,$))return He(a),!0;if(It[p]||!(ze.tagCheck instanceof Function&&ze.tagCheck(p))&&!U[p]){let E=Ko(a,p,u);return E===!1&&(be(N.afterSanitizeElements,a,null),yt(a,u))?!0:E}if($===j.element&&!jo(a)||(p==="noscript"||p==="noembed"||p==="noframes")&&V(sl,a.innerHTML))return He(a),!0;if(Re&&$===j.text){let E=a.textContent,x=ci(E);E!==x&&(Ft(e.removed,{element:a.cloneNode()}),a.textContent=x)}return be(N.afterSanitizeElements,a,null),yt(a,u)},_r=function(a,u,p){if(or[u]||Er(u,a)||cr&&(u==="id"||u==="name")&&(p in t||p in No))return!1;let $=z[u]||ze.attributeCheck instanceof Function&&ze.attributeCheck(u,a);if(Vs&&V(xo,u)||ar&&V(To,u))return!0;if(!$)return Sr(a)&&as(Ae.tagNameCheck,a)&&as(Ae.attributeNameCheck,u,a)||u==="is"&&Ae.allowCustomizedBuiltInElements&&as(Ae.tagNameCheck,p);if(gr[u])return!0;let E=Ls(p,So,"");return V(nr,E)||(u==="src"||u==="xlink:href"||u==="href")&&a!=="script"&&Pi(p,"data:")===0&&dr[a]||lr&&!V(_o,E)?!0:!p},Xo=O({},["annotation-xml","color-profile","font-face","font-face-format","font-face-name","font-face-src","font-face-uri","missing-glyph"]),Sr=function(a){return!Xo[at(a)]&&V(Ro,a)},Qo=function(a,u,p,$){if(Z&&typeof h=="object"&&typeof h.getAttributeType=="function"&&!p)switch(h.getAttributeType(a,u)){case"TrustedHTML":return Ct($);case"TrustedScriptURL":return mo($)}return $},Jo=function(a,u,p,$){try{return p?a.setAttributeNS(p,u,$):a.setAttribute(u,$),os(a)?(He(a),!1):!0}catch{return mt(u,a),!1}},Rr=function(a,u){return Ze&&V(il,u)?!0:at(a)==="attributename"&&Pi(u,"href")!==-1},ea=function(a,u){if(be(N.beforeSanitizeAttributes,a,null),yt(a,u))return;let p=a.attributes;if(!p||os(a))return;z=Tr(N.uponSanitizeAttribute,z,Gs,es);let $={attrName:"",attrValue:"",keepAttr:!0,allowedAttributes:z,forceKeepAttr:void 0},E=p.length,x=H(ae(a));for(;E--;){let R=p[E],W=R.name,Ce=R.namespaceURI,ye=R.value,pe=H(W),Te=ye,X=W==="value"?Te:Ma(Te),Cr=!1;if($.attrName=pe,$.attrValue=X,$.keepAttr=!0,$.forceKeepAttr=void 0,be(N.uponSanitizeAttribute,a,$),X=$.attrValue,ur&&(pe==="id"||pe==="name")&&Pi(X,hr)!==0&&(mt(W,a,R),X=hr+X,Cr=!0),Rr(W,X)){mt(W,a,R);continue}if(!$.forceKeepAttr){if(!$.keepAttr){mt(W,a,R);continue}if(!Ys&&V(Rn,X)){mt(W,a,R);continue}if(Re&&(X=ci(X)),!_r(x,pe,X)){mt(W,a,R);continue}X=Qo(x,pe,Ce,X),X!==Te&&Jo(a,W,Ce,X)&&Cr&&vn(e.removed)}}be(N.afterSanitizeAttributes,a,null),yt(a,u)},pi=function(a,u){Zo(a,u),ea(a,u),bt(a.content)&&di(a.content)},di=function(a){let u=null,p=ns(a);for(be(N.beforeSanitizeShadowDOM,a,null);u=p.nextNode();)if(be(N.uponSanitizeShadowNode,u,null),pi(u,a),ee(u)===j.element){let $=ue(u);bt($)&&(fi($),di($))}Re&&hi(a),be(N.afterSanitizeShadowDOM,a,null)},fi=function(a){let u=[{node:a,shadow:null}];for(;u.length>0;){let p=u.pop();if(p.shadow){di(p.shadow);continue}let $=p.node,E=ee($)===j.element,x=_($);if(x)for(let R=x.length-1;R>=0;--R)u.push({node:x[R],shadow:null});if(E){let R=he?he($):null;if(typeof R=="string"&&H(R)==="template"){let W=$.content;bt(W)&&u.push({node:W,shadow:null})}}if(E){let R=ue($);bt(R)&&u.push({node:null,shadow:R},{node:R,shadow:null})}}};return e.sanitize=function(m){let a=arguments.length>1&&arguments[1]!==void 0?arguments[1]:{},u=null,p=null,$=null,E=null;if(ei=!m,ei&&(m="<!-->"),typeof m!="string"&&!Lt(m)&&(m=ja(m),typeof m!="string"))throw Pe("dirty is not a string, aborting");if(!e.isSupported)return m;Ks?(U=Jt,z=es):ii(a),e.removed=[];let x=Js&&typeof m!="string"&&Lt(m),R=[],W=Qe;if(x){Vo(m);let Te=ae(m);if(typeof Te=="string"){let X=H(Te);if(!U[X]||It[X])throw ri(m),Pe("root node is forbidden and cannot be sanitized in-place")}if(os(m))throw ri(m),Pe("root node is clobbered and cannot be sanitized in-place");R=li(m),Qe=Ii()}else if(Lt(m))u=Ar("<!---->"),p=u.ownerDocument.importNode(m,!0),p.nodeType===j.element&&p.nodeName==="BODY"||p.nodeName==="HTML"?u=p:u.appendChild(p),fi(u);else{if(!dt&&!Re&&!Xe&&m.indexOf("<")===-1)return rr(m);if(u=Ar(m),!u)return dt?null:Xs?we:""}u&&Zs&&He(u.firstChild);let Ce=x?m:u;try{x&&fi(m);let Te=ns(Ce);for(;$=Te.nextNode();)pi($,Ce);x&&Bo(m,R)}catch(Te){throw x&&(ri(m),wr(m,R)),Te}finally{Qe=W}if(x){if(wr(m,R))throw Pe("a node selected for removal could not be safely returned; refusing to sanitize in place");return Re&&ui(m),m}if(dt){if(Re&&ui(u),ts)for(E=$o.call(u.ownerDocument);u.firstChild;)E.appendChild(u.firstChild);else E=u;return(z.shadowroot||z.shadowrootmode)&&(E=ko.call(s,E,!0)),E}let ye=()=>Xe?u.outerHTML:u.innerHTML,pe=ye();return Re&&V(Ka,pe)&&(hi(u),pe=ye()),Xe&&U["!doctype"]&&u.ownerDocument&&u.ownerDocument.doctype&&u.ownerDocument.doctype.name&&V(el,u.ownerDocument.doctype.name)&&(pe="<!DOCTYPE "+u.ownerDocument.doctype.name+`>
`+pe),rr(pe)},e.setConfig=function(){let m=arguments.length>0&&arguments[0]!==void 0?arguments[0]:{};ii(m),Ks=!0,Jt=U,es=z},e.clearConfig=function(){rs=null,Ks=!1,Jt=null,es=null,Z=Ee,we=""},e.isValidAttribute=function(m,a,u){rs||ii({});let p=H(m),$=H(a);return typeof u=="string"&&(Rr(a,u)||!Ys&&V(Rn,u))?!1:_r(p,$,u)},e.addHook=function(m,a){typeof a=="function"&&se(N,m)&&Ft(N[m],a)},e.removeHook=function(m,a){if(se(N,m)){if(a!==void 0){let u=Oa(N[m],a);return u===-1?void 0:Pa(N[m],u,1)[0]}return vn(N[m])}},e.removeHooks=function(m){se(N,m)&&(N[m]=[])},e.removeAllHooks=function(){N=Cn()},e}var Nn=Mn();function Wi(){return{async:!1,breaks:!1,extensions:null,gfm:!0,hooks:null,pedantic:!1,renderer:null,silent:!1,tokenizer:null,walkTokens:null}}var pt=Wi();function Yn(i){pt=i}var ct={exec:()=>null};function lt(i){let e=[];return t=>{let s=Math.max(0,Math.min(3,t-1)),r=e[s];return r||(r=i(s),e[s]=r),r}}function S(i,e=""){let t=typeof i=="string"?i:i.source,s={replace:(r,n)=>{let o=typeof n=="string"?n:n.source;return o=o.replace(G.caret,"$1"),t=t.replace(r,o),s},getRegex:()=>new RegExp(t,e)};return s}var Kn=((i="")=>{try{return!!new RegExp("(?<=1)(?<!1)"+i)}catch{return!1}})(),G={codeRemoveIndent:/^(?: {0,3}\t| {1,4})/gm,listInterruptsParagraph:/^ {0,3}(?:[*+-]|1[.)])[ \t]+[^ \t\n]/,outputLinkReplace:/\\([\[\]])/g,indentCodeCompensation:/^(\s+)(?:```)/,beginningSpace:/^\s+/,endingHash:/#$/,startingSpaceChar:/^ /,endingSpaceChar:/ $/,endingSpaceTabChar:/[ \t]$/,nonSpaceChar:/[^ ]/,newLineCharGlobal:/\n/g,tabCharGlobal:/\t/g,leadingSpaceTab:/^[ \t]+/,multipleSpaceGlobal:/\s+/g,blankLine:/^[ \t]*$/,doubleBlankLine:/\n[ \t]*\n[ \t]*$/,blockquoteStart:/^ {0,3}>/,blockquoteSetextReplace:/\n {0,3}((?:=+|-+)[ \t]*)(?=\n|$)/g,blockquoteSetextReplace2:/^ {0,3}>[ \t]?/gm,blockquoteMarkerWhitespace:/^( {0,3}>)(\t[ \t]*)/gm,nestedBlockMarker:/^ {0,3}(?:(?:[*+-]|\d{1,9}[.)])(?: |$)|> ?)/,listReplaceNesting:/^ {1,4}(?=( {4})*[^ ])/g,listIsTask:/^\[[ xX]\][ \t]+\S/,listReplaceTask:/^\[[ xX]\][ \t]+/,listTaskCheckbox:/\[[ xX]\]/,anyLine:/\n.*\n/,hrefBrackets:/^<(.*)>$/,tableDelimiter:/[:|]/,tableAlignChars:/^\||\| *$/g,tableRowBlankLine:/\n[ \t]*$/,tableAlignRight:/^ *-+: *$/,tableAlignCenter:/^ *:-+: *$/,tableAlignLeft:/^ *:-+ *$/,startATag:/^<a /i,endATag:/^<\/a>/i,startPreScriptTag:/^<(pre|code|kbd|script)(\s|>)/i,endPreScriptTag:/^<\/(pre|code|kbd|script)(\s|>)/i,startAngleBracket:/^</,endAngleBracket:/>$/,pedanticHrefTitle:/^([^'"]*[^\s])\s+(['"])(.*)\2/,unicodeAlphaNumeric:/[\p{L}\p{N}]/u,numericCharacterReference:/&#(?:(\d{1,7})|[Xx]([A-Fa-f0-9]{1,6}));/,numericCharacterReferenceOrAmpersand:/&#(?:(\d{1,7})|[Xx]([A-Fa-f0-9]{1,6}));|&(?!(#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/g,escapeTest:/[&<>"']/,escapeReplace:/[&<>"']/g,escapeTestNoEncode:/[<>"']|&(?!(#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/,escapeReplaceNoEncode:/[<>"']|&(?!(#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/g,caret:/(^|[^\[])\^/g,percentDecode:/%25/g,findPipe:/\|/g,splitPipe:/ \|/,slashPipe:/\\\|/g,carriageReturn:/\r\n|\r/g,spaceLine:/^ +$/gm,notSpaceStart:/^\S*/,endingNewline:/\n$/,listItemRegex:i=>new RegExp(`^( {0,3}${i})((?:[	 ][^\\n]*)?(?:\\n|$))`),nextBulletRegex:lt(i=>new RegExp(`^ {0,${i}}(?:[*+-]|\\d{1,9}[.)])((?:[ 	][^\\n]*)?(?:\\n|$))`)),hrRegex:lt(i=>new RegExp(`^ {0,${i}}((?:-[ 	]*){3,}|(?:_[ 	]*){3,}|(?:\\*[ 	]*){3,})(?:\\n+|$)`)),fencesBeginRegex:lt(i=>new RegExp(`^ {0,${i}}(?:\`\`\`|~~~)`)),headingBeginRegex:lt(i=>new RegExp(`^ {0,${i}}#{1,6}(?:\\s|$)`)),pedanticHeadingBeginRegex:lt(i=>new RegExp(`^ {0,${i}}#`)),htmlBeginRegex:lt(i=>new RegExp(`^ {0,${i}}(?:</?(?:${Vi})(?:[ \\t]+|$|/?>)|<(?:(?:script|pre|style|textarea)(?:[\\s>]|$)|!--)|<\\?|<![A-Za-z]|<!\\[CDATA\\[)`,"i")),blockquoteBeginRegex:lt(i=>new RegExp(`^ {0,${i}}>`)),nestedContainerMarkers:/^(?: {0,3}(?:(?:[*+-]|\d{1,9}[.)])[ \t]+|>[ \t]?))+/},ll=/^(?:[ \t]*(?:\n|$))+/,cl=/^((?: {4}| {0,3}\t)[^\n]+(?:\n(?:[ \t]*(?:\n|$))*)?)+/,ul=/^ {0,3}(`{3,}(?=[^`\n]*(?:\n|$))|~{3,})([^\n]*)(?:\n|$)(?:|([\s\S]*?)(?:\n|$))(?: {0,3}(?:(?=`)\1`*|(?=~)\1~*) *(?=\n|$)|$)/,Kt=/^ {0,3}((?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})(?:\n+|$)/,hl=/^ {0,3}(#{1,6})(?=\s|$)(.*)(?:\n+|$)/,Gi=/ {0,3}(?:[*+-]|\d{1,9}[.)])/,Vi="address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|meta|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul",Zt=S(" {0,3}(?:</?(?:tag)(?:[ \\t]+|\\n|/?>)|<(?:(?:script|pre|style|textarea)(?:[\\s>]|$)|!--)|<\\?|<![A-Za-z]|<!\\[CDATA\\[)").replace("tag",Vi).getRegex(),Zn=/^(?!bull |blockCode|fences|blockquote|heading|html|table)((?:.|\n(?!\s*?\n|bull |fences|blockquote|heading|hr|html|table))+?)\n {0,3}(=+|-+)[ \t]*(?:\n+|$)/,Xn=S(Zn).replace(/bull/g,Gi).replace(/blockCode/g,/(?: {4}| {0,3}\t)/).replace(/fences/g,/ {0,3}(?:`{3,}|~{3,})/).replace(/blockquote/g,/ {0,3}>/).replace(/heading/g,/ {0,3}#{1,6}(?:\s|$)/).replace(/hr/g,/ {0,3}(?:(?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})(?:\n+|$)/).replace(/\|table/g,"").replace(/html/g,Zt).getRegex(),pl=S(Zn).replace(/bull/g,Gi).replace(/blockCode/g,/(?: {4}| {0,3}\t)/).replace(/fences/g,/ {0,3}(?:`{3,}|~{3,})/).replace(/blockquote/g,/ {0,3}>/).replace(/heading/g,/ {0,3}#{1,6}(?:\s|$)/).replace(/hr/g,/ {0,3}(?:(?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})(?:\n+|$)/).replace(/table/g,/ {0,3}\|?(?:[:\- ]*\|)+[\:\- ]*\n/).replace(/html/g,Zt).getRegex(),Yi=/^([^\n]+(?:\n(?!hr|heading|lheading|blockquote|fences|list|html|table|[ \t]+\n)[^\n]+)*)/,dl=/^[^\n]+/,Ki=/(?!\s*\])(?:\\[\s\S]|[^\[\]\\\n]|\n(?![ \t]*\n))+/,fl=S(/^ {0,3}\[(label)\]: *(?:\n[ \t]*)?([^<\s][^\s]*|<(?:\\.|[^\n<>\\])*>)(?:(?: +(?:\n[ \t]*)?| *\n[ \t]*)(title))? *(?:\n+|$)/).replace("label",Ki).replace("title",/(?:"(?:\\[\s\S]|[^"\\])*"|'(?:\\[\s\S]|[^'\\\n]|\n(?!\n))*'|\((?:\\[\s\S]|[^()\\])*\))/).getRegex(),gl=S(/^(bull)([ \t][^\n]*?)?(?:\n|$)/).replace(/bull/g,Gi).getRegex(),Zi=/<!--(?:-?>|[\s\S]*?(?:-->|$))/,ml=S("^ {0,3}(?:<(script|pre|style|textarea)[\\s>][\\s\\S]*?(?:</\\1>[^\\n]*\\n*|$)|comment[^\\n]*(\\n+|$)|<\\?[\\s\\S]*?(?:\\?>[^\\n]*\\n*|$)|<![A-Z][\\s\\S]*?(?:>[^\\n]*\\n*|$)|<!\\[CDATA\\[[\\s\\S]*?(?:\\]\\]>[^\\n]*\\n*|$)|</?(tag)(?:[ \\t]+|\\n|/?>|$)[\\s\\S]*?(?:(?:\\n[ 	]*)+\\n|$)|<(?!(?:script|pre|style|textarea)(?![a-z0-9-]))([a-z][a-z0-9-]*)(?:attribute)*?[ \\t]*/?>(?=[ \\t]*(?:\\n|$))[\\s\\S]*?(?:(?:\\n[ 	]*)+\\n|$)|</[a-z][a-z0-9-]*\\s*>(?=[ \\t]*(?:\\n|$))[\\s\\S]*?(?:(?:\\n[ 	]*)+\\n|$))","i").replace("comment",Zi).replace("tag",Vi).replace("attribute",/[ \t]+[a-zA-Z:_][\w.:-]*(?:[ \t]*=[ \t]*"[^"\n]*"|[ \t]*=[ \t]*'[^'\n]*'|[ \t]*=[ \t]*[^\s"'=<>`]+)?/).getRegex(),Qn=i=>S(Yi).replace("hr",Kt).replace("heading"," {0,3}#{1,6}(?:\\s|$)").replace("|lheading","").replace("|table","").replace("blockquote"," {0,3}>").replace("fences"," {0,3}(?:`{3,}(?=[^`\\n]*(?:\\n|$))|~~~)[^\\n]*(?:\\n|$)").replace("list",i).replace("html",Zt).getRegex(),bl=Qn(/ {0,3}(?:[*+-]|1[.)])[ \t]+[^ \t\n]/),yl=Qn(/ {0,3}(?:[*+-]|\d{1,9}[.)])(?:[ \t]|\n|$)/),$l=S(/^( {0,3}> ?(?:(?![ \t]*(?:\n|$))(paragraph)|[^\n]*)(?:\n|$))+/).replace("paragraph",yl).getRegex(),Xi={blockquote:$l,code:cl,def:fl,fences:ul,heading:hl,hr:Kt,html:ml,lheading:Xn,list:gl,newline:ll,paragraph:bl,table:ct,text:dl},Un=S("^ *([^\\n ].*)\\n {0,3}((?:\\| *)?:?-+:? *(?:\\| *:?-+:? *)*(?:\\| *)?)(?:\\n((?:(?! *\\n|hr|heading|blockquote|code|fences|list|html).*(?:\\n|$))*)\\n*|$)").replace("hr",Kt).replace("heading"," {0,3}#{1,6}(?:\\s|$)").replace("blockquote"," {0,3}>").replace("code","(?: {4}| {0,3}	)[^\\n]").replace("fences"," {0,3}(?:`{3,}(?=[^`\\n]*(?:\\n|$))|~~~)[^\\n]*(?:\\n|$)").replace("list"," {0,3}(?:[*+-]|1[.)])[ \\t]").replace("html",Zt).getRegex(),vl={...Xi,lheading:pl,table:Un,paragraph:S(Yi).replace("hr",Kt).replace("heading"," {0,3}#{1,6}(?:\\s|$)").replace("|lheading","").replace("table",Un).replace("blockquote"," {0,3}>").replace("fences"," {0,3}(?:`{3,}(?=[^`\\n]*(?:\\n|$))|~~~)[^\\n]*(?:\\n|$)").replace("list"," {0,3}(?:[*+-]|1[.)])[ \\t]+[^ \\t\\n]").replace("html",Zt).getRegex()},kl={...Xi,html:S(`^ *(?:comment(?: *\\n|\\s*$)|<(tag)[\\s\\S]+?</\\1>(?: *\\n{2,}|\\s*$)|<tag(?:"[^"]*"|'[^']*'|\\s[^'"/>\\s]*)*?/?>(?: *\\n{2,}|\\s*$))`).replace("comment",Zi).replace(/tag/g,"(?!(?:a|em|strong|small|s|cite|q|dfn|abbr|data|time|code|var|samp|kbd|sub|sup|i|b|u|mark|ruby|rt|rp|bdi|bdo|span|br|wbr|ins|del|img)\\b)\\w+(?!:|[^\\w\\s@]*@)\\b").getRegex(),def:/^ *\[([^\]]+)\]: *<?([^\s>]+)>?(?: +(["(][^\n]+[")]))? *(?:\n+|$)/,heading:/^(#{1,6})(.*)(?:\n+|$)/,fences:ct,lheading:/^(.+?)\n {0,3}(=+|-+) *(?:\n+|$)/,paragraph:S(Yi).replace("hr",Kt).replace("heading",` *#{1,6} *[^
]`).replace("|table","").replace("blockquote"," {0,3}>").replace("|fences","").replace("|list","").replace("|html","").replace("|tag","").replace("lheading",Xn).getRegex()},wl=/^\\([!"#$%&'()*+,\-./:;<=>?@\[\]\\^_`{|}~])/,El=/^(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/,Jn=/^( {2,}|\\)\n(?!\s*$)[ \t]*/,Al=/^(`+|[^`])(?:(?= {2,}\n)|[\s\S]*?(?:(?=[\\<!\[`*_]|\b_|$)|[^ ](?= {2,}\n)))/,_e=/[\p{P}\p{S}]/u,St=/[\s\p{P}\p{S}]/u,Xt=/[^\s\p{P}\p{S}]/u,xl=S(/^((?![*_])punctSpace)/,"u").replace(/punctSpace/g,St).getRegex(),Tl=/[\p{Pi}\p{Ps}"']/u,eo=/(?!~)[\p{P}\p{S}]/u,_l=/(?!~)[\s\p{P}\p{S}]/u,Sl=/(?:[^\s\p{P}\p{S}]|~)/u,Rl=S(/link|precode-code|html/,"g").replace("link",/\[(?:[^\[\]`]|(?<a>`+)[^`]+\k<a>(?!`))*?\]\((?:\\[\s\S]|[^\\\(\)]|\((?:\\[\s\S]|[^\\\(\)])*\))*\)/).replace("precode-",Kn?"(?<!`)()":"(^^|[^`])").replace("code",/(?<b>`+)[^`]+\k<b>(?!`)/).replace("html",/<(?! )[^<>]*?>/).getRegex(),to=/^(?:\*+(?:((?!\*)punct)|([^\s*]))?)|^_+(?:((?!_)punct)|([^\s_]))?/,Cl=S(to,"u").replace(/punct/g,_e).getRegex(),Il=S(to,"u").replace(/punct/g,eo).getRegex(),Ol=/^(?:\*+(?:((?!\*)(?!openQuote)punct)|([^\s*]))?)|^_+(?:((?!_)(?!openQuote)punct)|([^\s_]))?/,Ll=S(Ol,"u").replace(/openQuote/g,Tl).replace(/punct/g,_e).getRegex(),so="^[^_*]*?__[^_*]*?\\*[^_*]*?(?=__)|[^*]+(?=[^*])|(?!\\*)punct(\\*+)(?=[\\s]|$)|notPunctSpace(\\*+)(?!\\*)(?=punctSpace|$)|(?!\\*)punctSpace(\\*+)(?=notPunctSpace)|[\\s](\\*+)(?!\\*)(?=punct)|(?!\\*)punct(\\*+)(?!\\*)(?=punct)|notPunctSpace(\\*+)(?=notPunctSpace)",Pl=S(so,"gu").replace(/notPunctSpace/g,Xt).replace(/punctSpace/g,St).replace(/punct/g,_e).getRegex(),Dl=S(so,"gu").replace(/notPunctSpace/g,Sl).replace(/punctSpace/g,_l).replace(/punct/g,eo).getRegex(),Ml="^[^_*]*?__[^_*]*?\\*[^_*]*?(?=__)|[^*]+(?=[^*])|(?!\\*)punct(\\*+)(?=[\\s]|$)|notPunctSpace(\\*+)(?!\\*)(?=punctSpace|$)|(?!\\*)[\\s](\\*+)(?=notPunctSpace)|[\\s](\\*+)(?!\\*)(?=punct)|(?!\\*)punct(\\*+)(?!\\*)(?=punct)|(?:(?!\\*)punct|notPunctSpace)(\\*+)(?!\\*)(?=notPunctSpace)",Nl=S(Ml,"gu").replace(/notPunctSpace/g,Xt).replace(/punctSpace/g,St).replace(/punct/g,_e).getRegex(),Ul=S("^[^_*]*?\\*\\*[^_*]*?_[^_*]*?(?=\\*\\*)|[^_]+(?=[^_])|(?!_)punct(_+)(?=[\\s]|$)|notPunctSpace(_+)(?!_)(?=punctSpace|$)|(?!_)punctSpace(_+)(?=notPunctSpace)|[\\s](_+)(?!_)(?=punct)|(?!_)punct(_+)(?!_)(?=punct)","gu").replace(/notPunctSpace/g,Xt).replace(/punctSpace/g,St).replace(/punct/g,_e).getRegex(),zl="^[^_*]*?\\*\\*[^_*]*?_[^_*]*?(?=\\*\\*)|[^_]+(?=[^_])|(?!_)punct(_+)(?=[\\s]|$)|notPunctSpace(_+)(?!_)(?=punctSpace|$)|(?!_)[\\s](_+)(?=notPunctSpace)|[\\s](_+)(?!_)(?=punct)|(?!_)punct(_+)(?!_)(?=punct)|(?:(?!_)punct|notPunctSpace)(_+)(?!_)(?=notPunctSpace)",Hl=S(zl,"gu").replace(/notPunctSpace/g,Xt).replace(/punctSpace/g,St).replace(/punct/g,_e).getRegex(),jl=S(/^~~?(?:((?!~)punct)|[^\s~])/,"u").replace(/punct/g,_e).getRegex(),ql="^[^~]+(?=[^~])|(?!~)punct(~~?)(?=[\\s]|$)|notPunctSpace(~~?)(?!~)(?=punctSpace|$)|(?!~)punctSpace(~~?)(?=notPunctSpace)|[\\s](~~?)(?!~)(?=punct)|(?!~)punct(~~?)(?!~)(?=punct)|notPunctSpace(~~?)(?=notPunctSpace)",Fl=S(ql,"gu").replace(/notPunctSpace/g,Xt).replace(/punctSpace/g,St).replace(/punct/g,_e).getRegex(),Bl=S(/\\(punct)/,"gu").replace(/punct/g,_e).getRegex(),Wl=S(/(`+)(?:[^`]|[^`][\s\S]*?[^`])\1(?!`)|`+|\\(punct)/,"gu").replace(/punct/g,_e).getRegex(),Gl=S(/^<(scheme:[^\s\x00-\x1f<>]*|email)>/).replace("scheme",/[a-zA-Z][a-zA-Z0-9+.-]{1,31}/).replace("email",/[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+(@)[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+(?![-_])/).getRegex(),Vl=S(Zi).replace("(?:-->|$)","-->").getRegex(),Yl=S("^comment|^</[a-zA-Z][a-zA-Z0-9-]*\\s*>|^<[a-zA-Z][a-zA-Z0-9-]*(?:attribute)*?\\s*/?>|^<\\?[\\s\\S]*?\\?>|^<![a-zA-Z]+\\s[\\s\\S]*?>|^<!\\[CDATA\\[[\\s\\S]*?\\]\\]>").replace("comment",Vl).replace("attribute",/\s+[a-zA-Z:_][\w.:-]*(?:\s*=\s*"[^"]*"|\s*=\s*'[^']*'|\s*=\s*[^\s"'=<>`]+)?/).getRegex(),io=/\[(?:\\[\s\S]|[^\[\]\\])*\]/,zs=S(/(?:\[(?:brackets|\\[\s\S]|[^\[\]\\])*\]|\\[\s\S]|`+(?!`)[^`]*?`+(?!`)|``+(?=\])|[^\[\]\\`])*?/).replace("brackets",io).getRegex(),Kl=S(/^!?\[(label)\]\([ \t\n]*(href)(?:(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)(title))?[ \t\n]*\)/).replace("label",zs).replace("href",/<(?:\\.|[^\n<>\\])*>|(?!<)[^ \t\n\x00-\x1f]+|(?=\))/).replace("title",/"(?:\\[\s\S]|[^"\\])*"|'(?:\\[\s\S]|[^'\\])*'|\((?:\\[\s\S]|[^)\\])*\)/).getRegex(),Zl=S(/^!?\[(label)\]\[(ref)\]/).replace("label",zs).replace("ref",Ki).getRegex(),Xl=S(/^!?\[(ref)\](?:\[\])?/).replace("ref",Ki).getRegex(),zn=/(?!\s*\])(?:\\[\s\S]|[^\[\]\\]){1,999}/,Ql=S(/(?:[^\[\]\\`]*(?:\[(?:brackets|\\[\s\S]|[^\[\]\\])*\]|\\[\s\S]|`+(?!`)[^`]*?`+(?!`)|``+(?=\]))){0,999}?[^\[\]\\`]*?/).replace("brackets",io).getRegex(),Jl=S("reflink|nolink(?!\\()","g").replace("reflink",S(/^!?\[(label)\]\[(ref)\]/).replace("label",Ql).replace("ref",zn).getRegex()).replace("nolink",S(/^!?\[(ref)\](?:\[\])?/).replace("ref",zn).getRegex()).getRegex(),Hn=/[hH][tT][tT][pP][sS]?|[fF][tT][pP]/,ec=/[A-Za-z0-9._+-]+@[a-zA-Z0-9-_]+(?:\.[a-zA-Z0-9-_]*[a-zA-Z0-9])+(?![\w-])/,tc=S(/(?:mailto:email|xmpp:email(?:\/[A-Za-z0-9@.]+)?)/).replace(/email/g,ec).getRegex(),Qi={_backpedal:ct,anyPunctuation:Bl,anyPunctuationOutsideCode:Wl,autolink:Gl,blockSkip:Rl,br:Jn,code:El,del:ct,delLDelim:ct,delRDelim:ct,emStrongLDelim:Cl,emStrongRDelimAst:Pl,emStrongRDelimUnd:Ul,escape:wl,link:Kl,nolink:Xl,punctuation:xl,reflink:Zl,reflinkSearch:Jl,tag:Yl,text:Al,url:ct},sc={...Qi,emStrongLDelim:Ll,emStrongRDelimAst:Nl,emStrongRDelimUnd:Hl,link:S(/^!?\[(label)\]\((.*?)\)/).replace("label",zs).getRegex(),reflink:S(/^!?\[(label)\]\s*\[([^\]]*)\]/).replace("label",zs).getRegex()},qi={...Qi,emStrongRDelimAst:Dl,emStrongLDelim:Il,delLDelim:jl,delRDelim:Fl,url:S(/^emailProtocol|^((?:protocol):\/\/|www\.)(?:[a-zA-Z0-9\-]+\.?)+[^\s<]*|^email/).replace("emailProtocol",tc).replace("protocol",Hn).replace("email",/[A-Za-z0-9._+-]+(@)[a-zA-Z0-9-_]+(?:\.[a-zA-Z0-9-_]*[a-zA-Z0-9])+(?![\w-])/).getRegex(),_backpedal:/(?:[^?!.,:;*_'"~()&]+|\([^)]*\)|&(?![a-zA-Z0-9]+;$)|[?!.,:;*_'"~)]+(?!$))+/,del:/^(~~?)(?=[^\s~])((?:\\[\s\S]|[^\\])*?(?:\\[\s\S]|[^\s~\\]))\1(?=[^~]|$)/,text:S(/^(?:[^a-zA-Z0-9](?=emailProtocol)|(`+|~+|[^`~])(?:(?=[`~])|(?= {2,}\n)|(?=[a-zA-Z0-9.!#$%&'*+\/=?_`{\|}~-]+@)|[\s\S]*?(?:(?=[\\<!\[`*~_]|\b_|protocol:\/\/|wwwStart|$)|[^ ](?= {2,}\n)|[^a-zA-Z0-9](?=emailProtocol)|[^a-zA-Z0-9.!#$%&'*+\/=?_`{\|}~-](?=[a-zA-Z0-9.!#$%&'*+\/=?_`{\|}~-]+@))))/).replace("protocol",Hn).replace(/emailProtocol/g,/(?:mailto|xmpp):/).replace("wwwStart",Kn?"(?<![^\\s*_~(])www\\.":"www\\.").getRegex()},ic={...qi,br:S(Jn).replace("{2,}","*").getRegex(),text:S(qi.text).replace("\\b_","\\b_| {2,}\\n").replace(/\{2,\}/g,"*").getRegex()},Ns={normal:Xi,gfm:vl,pedantic:kl},Vt={normal:Qi,gfm:qi,breaks:ic,pedantic:sc},rc={"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;","'":"&#39;"},jn=i=>rc[i];function fe(i,e){if(e){if(G.escapeTest.test(i))return i.replace(G.escapeReplace,jn)}else if(G.escapeTestNoEncode.test(i))return i.replace(G.escapeReplaceNoEncode,jn);return i}function nc(i){return G.numericCharacterReference.test(i)?i.replace(G.numericCharacterReferenceOrAmpersand,(e,t,s)=>{if(t===void 0&&s===void 0)return"&amp;";let r=t===void 0?Number.parseInt(s,16):Number.parseInt(t,10);return r===0||r>1114111||r>=55296&&r<=57343?"�":r===38?"&amp;":String.fromCodePoint(r)}):i}function qn(i){try{i=encodeURI(i).replace(G.percentDecode,"%")}catch{return null}return i}function Fn(i,e){let t=i.replace(G.findPipe,(n,o,c)=>{let l=!1,f=o;for(;--f>=0&&c[f]==="\\";)l=!l;return l?"|":" |"}),s=t.split(G.splitPipe),r=0;if(s[0].trim()||s.shift(),s.length>0&&!s.at(-1)?.trim()&&s.pop(),e)if(s.length>e)s.splice(e);else for(;s.length<e;)s.push("");for(;r<s.length;r++)s[r]=s[r].trim().replace(G.slashPipe,"|");return s}function De(i,e,t){let s=i.length;if(s===0)return"";let r=0;for(;r<s;){let n=i.charAt(s-r-1);if(n===e&&!t)r++;else if(n!==e&&t)r++;else break}return i.slice(0,s-r)}function Bn(i){let e=i.split(`
`),t=e.length-1;for(;t>=0&&G.blankLine.test(e[t]);)t--;return e.length-t<=2?i:e.slice(0,t+1).join(`
`)}function Hs(i){return i.trim().replace(G.multipleSpaceGlobal," ").toLowerCase().toUpperCase().toLowerCase()}function Wn(i,e){if(i.indexOf(e[0])===-1&&i.indexOf(e[1])===-1)return-1;let t=0;for(let s=0;s<i.length;s++)if(i[s]==="\\")s++;else if(i[s]===e[0])t++;else if(i[s]===e[1]&&(t--,t<0))return s;return t>0?-2:-1}var _t=new WeakMap;function Ji(i){let e={"*":-1,_:-1},t=-1,s=i.length;for(let r=0;r<s;r++){let n=i[r];if(n!=="*"&&n!=="_"&&n!=="~")continue;let o=r===0?`
`:i[r-1],c=r+1;for(;c<s&&i[c]===n;)c++;o!==" "&&o!=="	"&&o!==`
`&&o!=="\r"&&o!=="\f"&&(n==="~"?t=r:e[n]=r),r=c-1}return{maskedSrc:i,lastPossibleEmStrongCloserIndex:e,lastPossibleDelCloserIndex:t}}function oc(i,e){let t=Ji(e),s=_t.get(i);s?s.push(t):_t.set(i,[t])}function ac(i){let e=_t.get(i);e&&(e.pop(),e.length===0&&_t.delete(i))}function ro(i,e,t){let s=_t.get(i)?.at(-1);return s&&s.maskedSrc===e?s.lastPossibleEmStrongCloserIndex[t]:Ji(e).lastPossibleEmStrongCloserIndex[t]}function no(i,e){let t=_t.get(i)?.at(-1);return t&&t.maskedSrc===e?t.lastPossibleDelCloserIndex:Ji(e).lastPossibleDelCloserIndex}function Us(i,e=0){let t=e,s="";for(let r of i)if(r==="	"){let n=4-t%4;s+=" ".repeat(n),t+=n}else s+=r,t++;return s}function lc(i,e){let t="";for(let s=0;s<i.length;s++){if(i[s]==="`"){let r=e.inline.code.exec(i.slice(s));if(r){t+=r[0],s+=r[0].length-1;continue}}if(i[s]==="\\"&&(i[s+1]==="["||i[s+1]==="]")){t+=i[s+1],s++;continue}t+=i[s]}return t}function Gn(i,e,t,s,r){let n=e.href,o=e.title||null,c=lc(i[1],r),l=i[0].charAt(0)==="!",f=s.state.inLink,h=s.state.linkEmitted,d=s.state.inRawBlock;s.state.inLink=!0,s.state.linkEmitted=!1;let b=s.inlineTokens(c),k=s.state.linkEmitted;if(s.state.linkEmitted=h,s.state.inLink=f,!l){if(k){s.state.inRawBlock=d;return}s.state.linkEmitted=!0}return{type:l?"image":"link",raw:t,href:n,title:o,text:c,tokens:b}}function cc(i,e,t){let s=i.match(t.other.indentCodeCompensation);if(s===null)return e;let r=s[1];return e.split(`
`).map(n=>{let o=n.match(t.other.beginningSpace);if(o===null)return n;let[c]=o;return n.slice(Math.min(c.length,r.length))}).join(`
`)}function Vn(i,e,t,s){if(!e.includes("<"))return!1;for(let r=0;r<e.length;r++){if(e[r]==="\\"){r++;continue}if(e[r]==="`"){let c=s.inline.code.exec(e.slice(r));if(c){r+=c[0].length-1;continue}}if(e[r]!=="<")continue;let n=i.slice(t+r),o=s.inline.tag.exec(n)||s.inline.autolink.exec(n);if(o){if(o[0].length>e.length-r)return!0;r+=o[0].length-1}}return!1}var ut=class{options;rules;lexer;constructor(i){this.options=i||pt}space(i){let e=this.rules.block.newline.exec(i);if(e&&e[0].length>0)return{type:"space",raw:e[0]}}code(i){let e=this.rules.block.code.exec(i);if(e){let t=this.options.pedantic?e[0]:Bn(e[0]),s=t.replace(this.rules.other.codeRemoveIndent,"");return{type:"code",raw:t,codeBlockStyle:"indented",text:s}}}fences(i){let e=this.rules.block.fences.exec(i);if(e){let t=e[0],s=cc(t,e[3]||"",this.rules);return e[3]!==void 0&&(s===""||s.endsWith(`
`))&&(s+=`
`),{type:"code",raw:t,lang:e[2]?e[2].trim().replace(this.rules.inline.anyPunctuation,"$1"):e[2],text:s}}}heading(i){let e=this.rules.block.heading.exec(i);if(e){let t=e[2].trim();if(this.rules.other.endingHash.test(t)){let s=De(t,"#");(this.options.pedantic||!s||this.rules.other.endingSpaceTabChar.test(s))&&(t=s.trim())}return{type:"heading",raw:De(e[0],`
`),depth:e[1].length,text:t,tokens:this.lexer.inline(t)}}}hr(i){let e=this.rules.block.hr.exec(i);if(e)return{type:"hr",raw:De(e[0],`
`)}}blockquote(i){let e=this.rules.block.blockquote.exec(i);if(e){let t=De(e[0],`
`).split(`
`),s="",r="",n=[];for(;t.length>0;){let o=!1,c=[],l;for(l=0;l<t.length;l++)if(this.rules.other.blockquoteStart.test(t[l]))c.push(t[l]),o=!0;else if(!o)c.push(t[l]);else break;t=t.slice(l);let f=c.join(`
`),h=f.replace(this.rules.other.blockquoteMarkerWhitespace,(k,A,I)=>I.startsWith(" ")?A+" "+I.slice(1):A+Us(I,A.length)).replace(this.rules.other.blockquoteSetextReplace,`
    $1`).replace(this.rules.other.blockquoteSetextReplace2,"");s=s?`${s}
${f}`:f,r=r?`${r}
${h}`:h;let d=this.lexer.state.top;if(this.lexer.state.top=!0,this.lexer.blockTokens(h,n,!0),this.lexer.state.top=d,t.length===0)break;let b=n.at(-1);if(b?.type==="code"||b?.type==="heading"||b?.type==="hr"||b?.type==="html"||b?.type==="table")break;if(b?.type==="blockquote"){let k=b,A=t.join(`
`),I=k.raw+`
`+A.replace(this.rules.other.blockquoteSetextReplace2,""),_=this.blockquote(I);n[n.length-1]=_;let C=I.substring(_.raw.length).replace(/^\n/,""),ue=C?C.split(`
`).length:0,D=ue?t.slice(0,-ue):t;if(D.length>0&&(s=`${s}
${D.join(`
`)}`),r=r.substring(0,r.length-k.text.length)+_.text,t=t.slice(D.length),t.length>0&&this.rules.other.blockquoteStart.test(t[0]))continue;break}else if(b?.type==="list"){let k=b,A=k.raw+`
`+t.join(`
`),I=this.list(A);n[n.length-1]=I;let _=I.raw.length>k.raw.length?A.slice(k.raw.length+1,I.raw.length).split(`
`).length:0;if(_>0){let C=t.slice(0,_).join(`
`);s=`${s}
${C}`,r=`${r}
${C}`}if(t=t.slice(_),t.length>0&&!this.rules.other.blockquoteStart.test(t[0]))break;continue}}return{type:"blockquote",raw:s,tokens:n,text:r}}}list(i){let e=this.rules.block.list.exec(i);if(e){if(!this.options.pedantic&&this.lexer.state.lastToken?.type==="text"&&!this.rules.other.listInterruptsParagraph.test(i))return;let t=i,s=()=>t.length-i.length,r=e[1].trim(),n=r.length>1,o={type:"list",raw:"",ordered:n,start:n?+r.slice(0,-1):"",loose:!1,items:[]};r=n?`\\d{1,9}\\${r.slice(-1)}`:`\\${r}`,this.options.pedantic&&(r=n?r:"[*+-]");let c=this.rules.other.listItemRegex(r),l=!1;for(;i;){let d=!1,b="";if(!(e=c.exec(i))||this.rules.block.hr.test(i))break;let k=s();i=i.substring(e[0].length);let A=e[2].split(`
`,1)[0],I=e[1].length,_=this.options.pedantic?Us(A,I):A.replace(this.rules.other.leadingSpaceTab,he=>Us(he,I)),C=i.split(`
`,1)[0],ue=!_.trim(),D=0;if(this.options.pedantic?(D=2,b=_.trimStart()):ue?D=I+1:(D=_.search(this.rules.other.nonSpaceChar),D=D>4?1:D,b=_.slice(D),D+=I),ue&&this.rules.other.blankLine.test(C)&&(i=i.substring(C.length+1),d=!0),!d){let he=this.rules.other.nextBulletRegex(D),Me=this.rules.other.hrRegex(D),ee=this.rules.other.fencesBeginRegex(D),ae=this.options.pedantic?this.rules.other.pedanticHeadingBeginRegex(D):this.rules.other.headingBeginRegex(D),Ne=this.rules.other.htmlBeginRegex(D),Ue=this.rules.other.blockquoteBeginRegex(D),Z=!1;for(;i;){let we=i.split(`
`,1)[0],Ee;if(C=we,this.options.pedantic?(C=C.replace(this.rules.other.listReplaceNesting,"  "),Ee=C):Ee=C.replace(this.rules.other.leadingSpaceTab,re=>Us(re)),ee.test(C)||ae.test(C)||Ne.test(C)||Ue.test(C)||he.test(C)||Me.test(C))break;if(Ee.search(this.rules.other.nonSpaceChar)>=D||!C.trim())b+=`
`+Ee.slice(D),Z=!1;else{if(ue)break;let re=_;if(!this.options.pedantic&&!b.includes(`
`)&&!_.includes("	")){let Se;for(;!Me.test(re)&&(Se=this.rules.other.nestedBlockMarker.exec(re));)re=re.slice(Se[0].length);if(!re.trim())break}if(re.replace(this.rules.other.tabCharGlobal,"    ").search(this.rules.other.nonSpaceChar)>=4||ee.test(re)||ae.test(re)||Ne.test(re)||Me.test(re))break;if(!this.options.pedantic&&!Z){let Se=_.replace(this.rules.other.nestedContainerMarkers,"");if(this.rules.block.fences.test(Se)||this.rules.block.heading.test(Se)||this.rules.block.hr.test(Se))break}let Ke=!this.options.pedantic&&/^ {0,3}(?:=+|-+) *$/.test(C)&&this.rules.block.lheading.test(`${_}
${C}`)?`    ${Ee.replace(/^ {0,3}/,"")}`:C;b+=`
`+Ke,Z=!0}ue=!C.trim(),i=i.substring(we.length+1),_=Ee.slice(D)}}let me=t.slice(k,s());o.loose||(l?o.loose=!0:this.rules.other.doubleBlankLine.test(me)&&(l=!0)),o.items.push({type:"list_item",raw:me,task:!!this.options.gfm&&this.rules.other.listIsTask.test(b),loose:!1,text:b,tokens:[]})}let f=o.items.at(-1);if(f)f.raw=f.raw.trimEnd(),f.text=f.text.trimEnd();else return;o.raw=t.slice(0,s()).trimEnd();let h=[];for(let d of o.items)if(this.lexer.state.top=!1,h.push(this.lexer.inlineQueue.length),d.tokens=this.lexer.blockTokens(d.text,[]),!o.loose){let b=d.tokens.filter(A=>A.type==="space"),k=b.length>0&&b.some(A=>this.rules.other.anyLine.test(A.raw));o.loose=k}for(let d=0;d<o.items.length;d++){let b=o.items[d],k=b.tokens[0];if(b.task&&(k?.type==="text"||k?.type==="paragraph")){b.text=b.text.replace(this.rules.other.listReplaceTask,""),k.raw=k.raw.replace(this.rules.other.listReplaceTask,""),k.text=k.text.replace(this.rules.other.listReplaceTask,"");let A=this.lexer.inlineQueue;for(let _=h[d];_<A.length;_++)if(A[_].tokens===k.tokens){A[_].src=A[_].src.replace(this.rules.other.listReplaceTask,"");break}let I=this.rules.other.listTaskCheckbox.exec(b.raw);if(I){let _={type:"checkbox",raw:I[0]+" ",checked:I[0]!=="[ ]"};b.checked=_.checked,o.loose?b.tokens[0]&&["paragraph","text"].includes(b.tokens[0].type)&&"tokens"in b.tokens[0]&&b.tokens[0].tokens?(b.tokens[0].raw=_.raw+b.tokens[0].raw,b.tokens[0].text=_.raw+b.tokens[0].text,b.tokens[0].tokens.unshift(_)):b.tokens.unshift({type:"paragraph",raw:_.raw,text:_.raw,tokens:[_]}):b.tokens.unshift(_)}}else b.task&&(b.task=!1)}if(o.loose)for(let d of o.items){d.loose=!0;for(let b of d.tokens)b.type==="text"&&(b.type="paragraph")}return o}}html(i){let e=this.rules.block.html.exec(i);if(e){if(this.lexer.state.lastToken?.type==="paragraph"&&!this.rules.other.htmlBeginRegex(4).test(i))return;let t=Bn(e[0]);return{type:"html",block:!0,raw:t,pre:e[1]==="pre"||e[1]==="script"||e[1]==="style",text:t}}}def(i){let e=this.rules.block.def.exec(i);if(e){if(!this.rules.other.startAngleBracket.test(e[2])&&Wn(e[2],"()")!==-1)return;let t=Hs(e[1]),s=e[2]?e[2].replace(this.rules.other.hrefBrackets,"$1").replace(this.rules.inline.anyPunctuation,"$1"):"",r=e[3]?e[3].substring(1,e[3].length-1).replace(this.rules.inline.anyPunctuation,"$1"):e[3];return{type:"def",tag:t,raw:De(e[0],`
`),href:s,title:r}}}table(i){let e=this.rules.block.table.exec(i);if(!e||!this.rules.other.tableDelimiter.test(e[2]))return;let t=Fn(e[1]),s=e[2].replace(this.rules.other.tableAlignChars,"").split("|"),r=e[3]?.trim()?e[3].replace(this.rules.other.tableRowBlankLine,"").split(`
`):[],n={type:"table",raw:De(e[0],`
`),header:[],align:[],rows:[]};if(t.length===s.length){for(let o of s)this.rules.other.tableAlignRight.test(o)?n.align.push("right"):this.rules.other.tableAlignCenter.test(o)?n.align.push("center"):this.rules.other.tableAlignLeft.test(o)?n.align.push("left"):n.align.push(null);for(let o=0;o<t.length;o++)n.header.push({text:t[o],tokens:this.lexer.inline(t[o]),header:!0,align:n.align[o]});for(let o of r)n.rows.push(Fn(o,n.header.length).map((c,l)=>({text:c,tokens:this.lexer.inline(c),header:!1,align:n.align[l]})));return n}}lheading(i){let e=this.rules.block.lheading.exec(i);if(e){let t=e[1].trim();return{type:"heading",raw:De(e[0],`
`),depth:e[2].charAt(0)==="="?1:2,text:t,tokens:this.lexer.inline(t)}}}paragraph(i){let e=this.rules.block.paragraph.exec(i);if(e){let t=e[1].charAt(e[1].length-1)===`
`?e[1].slice(0,-1):e[1];return{type:"paragraph",raw:e[0],text:t,tokens:this.lexer.inline(t)}}}text(i){let e=this.rules.block.text.exec(i);if(e)return{type:"text",raw:e[0],text:e[0],tokens:this.lexer.inline(e[0])}}escape(i){if(i.charCodeAt(0)!==92)return;let e=this.rules.inline.escape.exec(i);if(e)return{type:"escape",raw:e[0],text:e[1]}}tag(i){if(i.charCodeAt(0)!==60)return;let e=this.rules.inline.tag.exec(i);if(e)return!this.lexer.state.inLink&&this.rules.other.startATag.test(e[0])?this.lexer.state.inLink=!0:this.lexer.state.inLink&&this.rules.other.endATag.test(e[0])&&(this.lexer.state.inLink=!1),!this.lexer.state.inRawBlock&&this.rules.other.startPreScriptTag.test(e[0])?this.lexer.state.inRawBlock=!0:this.lexer.state.inRawBlock&&this.rules.other.endPreScriptTag.test(e[0])&&(this.lexer.state.inRawBlock=!1),{type:"html",raw:e[0],inLink:this.lexer.state.inLink,inRawBlock:this.lexer.state.inRawBlock,block:!1,text:e[0]}}link(i){if(this.lexer.state.linkParenPossible===!1)return;let e=i.charCodeAt(0);if(e!==91&&e!==33)return;let t=this.rules.inline.link.exec(i);if(t){let s=t[0].charAt(0)==="!"?2:1;if(!this.options.pedantic&&Vn(i,t[1],s,this.rules))return;let r=t[2].trim();if(!this.options.pedantic&&this.rules.other.startAngleBracket.test(r)){if(!this.rules.other.endAngleBracket.test(r))return;let l=De(r.slice(0,-1),"\\");if((r.length-l.length)%2===0)return}else{let l=Wn(t[2],"()");if(l===-2)return;if(l>-1){let f=(t[0].indexOf("!")===0?5:4)+t[1].length+l;t[2]=t[2].substring(0,l),t[0]=t[0].substring(0,f).trim(),t[3]=""}}let n=De(t[0].slice(0,-1),"\\");if((t[0].length-n.length)%2===0)return;let o=t[2],c="";if(this.options.pedantic){let l=this.rules.other.pedanticHrefTitle.exec(o);l&&(o=l[1],c=l[3])}else c=t[3]?t[3].slice(1,-1):"";return o=o.trim(),this.rules.other.startAngleBracket.test(o)&&(this.options.pedantic&&!this.rules.other.endAngleBracket.test(r)?o=o.slice(1):o=o.slice(1,-1)),Gn(t,{href:o&&o.replace(this.rules.inline.anyPunctuation,"$1"),title:c&&c.replace(this.rules.inline.anyPunctuation,"$1")},t[0],this.lexer,this.rules)}}reflink(i,e){let t=i.charCodeAt(0);if(t!==91&&t!==33)return;let s;if((s=this.rules.inline.reflink.exec(i))||(s=this.rules.inline.nolink.exec(i))){let r=s[0].charAt(0)==="!"?2:1;if(!this.options.pedantic&&Vn(i,s[1],r,this.rules))return;let n=e[Hs(s[2]||s[1])];if(!n){let o=s[0].charAt(0);return{type:"text",raw:o,text:o}}return Gn(s,n,s[0],this.lexer,this.rules)}}emStrong(i,e,t=""){let s=this.rules.inline.emStrongLDelim.exec(i);if(!s||!s[1]&&!s[2]&&!s[3]&&!s[4])return;let r=s[0][0],n=t===r,o=e.length-i.length,c=o;for(;!this.options.pedantic&&c>0&&e[c-1]===r;)c--;let l=[...e.slice(Math.max(0,c-2),c)].at(-1)??"",f=l==="*"||l==="_"||!!this.rules.inline.punctuation.exec(l);c<o&&(t=l);let h=c<o?f:t==="*"||t==="_"||!!this.rules.inline.punctuation.exec(t);if(s[4]&&t.match(this.rules.other.unicodeAlphaNumeric))return;let d=s[1]||s[3]||"";if(!d||!t||h){let b=[...s[0]].length-1,k,A,I=b,_=0,C=o-c+b,ue=!this.options.pedantic&&!!l.trim()&&(!!d||r==="*"&&!f);if(r!=="*"&&r!=="_")return;let D=r==="*"?this.rules.inline.emStrongRDelimAst:this.rules.inline.emStrongRDelimUnd,me=ro(this,e,r),he=e.length-i.length+b;if(me<he)return;e=e.slice(-1*i.length+b);let Me=me-he;for(D.lastIndex=0;(s=D.exec(e))!==null&&!(s.index>Me);){if(k=s[1]||s[2]||s[3]||s[4]||s[5]||s[6],!k)continue;if(A=[...k].length,s[3]||s[4]){I+=A;continue}else if((s[5]||s[6]||ue)&&C%3&&!((C+A)%3)){if(n&&(s[5]||s[6]))break;_+=A;continue}if(I-=A,I>0)continue;A=Math.min(A,A+I+_);let ee=[...s[0]][0].length,ae=i.slice(0,b+s.index+ee+A);if(Math.min(b,A)%2){let Ue=ae.slice(1,-1);return{type:"em",raw:ae,text:Ue,tokens:this.lexer.inlineTokens(Ue)}}let Ne=ae.slice(2,-2);return{type:"strong",raw:ae,text:Ne,tokens:this.lexer.inlineTokens(Ne)}}}}codespan(i){if(i.charCodeAt(0)!==96)return;let e=this.rules.inline.code.exec(i);if(e){let t=e[2].replace(this.rules.other.newLineCharGlobal," "),s=this.rules.other.nonSpaceChar.test(t),r=this.rules.other.startingSpaceChar.test(t)&&this.rules.other.endingSpaceChar.test(t);return s&&r&&(t=t.substring(1,t.length-1)),{type:"codespan",raw:e[0],text:t}}}br(i){let e=i.charCodeAt(0);if(e!==32&&e!==92&&e!==10)return;let t=this.rules.inline.br.exec(i);if(t)return{type:"br",raw:t[0]}}del(i,e,t=""){if(i.charCodeAt(0)!==126)return;let s=this.rules.inline.delLDelim.exec(i);if(s&&(!s[1]||!t||this.rules.inline.punctuation.exec(t))){let r=[...s[0]].length-1,n,o,c=r,l=this.rules.inline.delRDelim,f=no(this,e),h=e.length-i.length+r;if(f<h)return;e=e.slice(-1*i.length+r);let d=f-h;for(l.lastIndex=0;(s=l.exec(e))!==null&&!(s.index>d);){if(n=s[1]||s[2]||s[3]||s[4]||s[5]||s[6],!n||(o=[...n].length,o!==r))continue;if(s[3]||s[4]){c+=o;continue}if(c-=o,c>0)continue;o=Math.min(o,o+c);let b=[...s[0]][0].length,k=i.slice(0,r+s.index+b+o),A=k.slice(r,-r);return{type:"del",raw:k,text:A,tokens:this.lexer.inlineTokens(A)}}}}autolink(i){if(i.charCodeAt(0)!==60)return;let e=this.rules.inline.autolink.exec(i);if(e){let t,s;return e[2]==="@"?(t=e[1],s="mailto:"+t):(t=e[1],s=t),{type:"link",raw:e[0],text:t,href:s,autolink:!0,tokens:[{type:"text",raw:t,text:t}]}}}url(i){let e;if(e=this.rules.inline.url.exec(i)){let t,s;if(e[2]==="@")t=e[0],s="mailto:"+t;else{let r;do r=e[0],e[0]=this.rules.inline._backpedal.exec(e[0])?.[0]??"";while(r!==e[0]);t=e[0],e[1]==="www."?s="http://"+e[0]:s=e[0]}return{type:"link",raw:e[0],text:t,href:s,autolink:!0,tokens:[{type:"text",raw:t,text:t}]}}}inlineText(i){let e=this.rules.inline.text.exec(i);if(e){let t=this.lexer.state.inRawBlock;return{type:"text",raw:e[0],text:t?e[0]:nc(e[0]),escaped:t}}}},ve=class Fi{tokens;options;state;inlineQueue;tokenizer;constructor(e){this.tokens=[],this.tokens.links=Object.create(null),this.options=e||pt,this.options.tokenizer=this.options.tokenizer||new ut,this.tokenizer=this.options.tokenizer,this.tokenizer.options=this.options,this.tokenizer.lexer=this,this.inlineQueue=[],this.state={inLink:!1,inRawBlock:!1,linkEmitted:!1,linkParenPossible:!0,top:!0};let t={other:G,block:Ns.normal,inline:Vt.normal};this.options.pedantic?(t.block=Ns.pedantic,t.inline=Vt.pedantic):this.options.gfm&&(t.block=Ns.gfm,this.options.breaks?t.inline=Vt.breaks:t.inline=Vt.gfm),this.tokenizer.rules=t}static get rules(){return{block:Ns,inline:Vt}}static lex(e,t){return new Fi(t).lex(e)}static lexInline(e,t){return new Fi(t).inlineTokens(e)}lex(e){e=e.replace(G.carriageReturn,`
`),this.blockTokens(e,this.tokens);for(let t=0;t<this.inlineQueue.length;t++){let s=this.inlineQueue[t];this.state.inRawBlock=!1,this.inlineTokens(s.src,s.tokens)}return this.inlineQueue=[],this.tokens}blockTokens(e,t=[],s=!1){this.tokenizer.lexer=this;let r=this.state.lastToken;this.options.pedantic&&(e=e.replace(G.tabCharGlobal,"    ").replace(G.spaceLine,""));let n=1/0,o,c=this.options.gfm&&!this.options.pedantic&&this.tokenizer.paragraph===ut.prototype.paragraph;for(;e;){if(e.length<n)n=e.length;else{this.infiniteLoopError(e.charCodeAt(0));break}this.state.lastToken=t.at(-1);let l;if(this.options.extensions?.block?.some(h=>(l=h.call({lexer:this},e,t))?(e=e.substring(l.raw.length),t.push(l),!0):!1))continue;if(l=this.tokenizer.space(e)){e=e.substring(l.raw.length);let h=t.at(-1);l.raw.length===1&&h!==void 0?h.raw+=`
`:t.push(l);continue}if(l=this.tokenizer.code(e)){e=e.substring(l.raw.length);let h=t.at(-1);h?.type==="paragraph"||h?.type==="text"?(h.raw+=(h.raw.endsWith(`
`)?"":`
`)+l.raw,h.text+=`
`+l.text,this.inlineQueue.at(-1).src=h.text):t.push(l);continue}if(l=this.tokenizer.fences(e)){e=e.substring(l.raw.length),t.push(l);continue}if(l=this.tokenizer.heading(e)){e=e.substring(l.raw.length),t.push(l);continue}if(l=this.tokenizer.hr(e)){e=e.substring(l.raw.length),t.push(l);continue}if(l=this.tokenizer.blockquote(e)){e=e.substring(l.raw.length),t.push(l);continue}if(l=this.tokenizer.list(e)){e=e.substring(l.raw.length),t.push(l);continue}if(l=this.tokenizer.html(e)){e=e.substring(l.raw.length),t.push(l);continue}if(l=this.tokenizer.def(e)){e=e.substring(l.raw.length);let h=t.at(-1);h?.type==="paragraph"||h?.type==="text"?(h.raw+=(h.raw.endsWith(`
`)?"":`
`)+l.raw,h.text+=`
`+l.raw,this.inlineQueue.at(-1).src=h.text):(this.tokens.links[l.tag]||(this.tokens.links[l.tag]={href:l.href,title:l.title}),t.push(l));continue}if(l=this.tokenizer.table(e)){e=e.substring(l.raw.length),t.push(l);continue}if(l=this.tokenizer.lheading(e)){e=e.substring(l.raw.length),t.push(l);continue}let f=e;if(this.options.extensions?.startBlock){let h=1/0,d=e.slice(1),b;this.options.extensions.startBlock.forEach(k=>{b=k.call({lexer:this},d),typeof b=="number"&&b>=0&&(h=Math.min(h,b))}),h<1/0&&h>=0&&(f=e.substring(0,h+1))}if(this.state.top&&(l=this.tokenizer.paragraph(f))){let h=t.at(-1);(s||h===o&&c)&&h?.type==="paragraph"?(h.raw+=(h.raw.endsWith(`
`)?"":`
`)+l.raw,h.text+=`
`+l.text,this.inlineQueue.pop(),this.inlineQueue.at(-1).src=h.text,o=h):(t.push(l),o=l),s=f.length!==e.length,e=e.substring(l.raw.length);continue}if(l=this.tokenizer.text(e)){e=e.substring(l.raw.length);let h=t.at(-1);h?.type==="text"?(h.raw+=(h.raw.endsWith(`
`)?"":`
`)+l.raw,h.text+=`
`+l.text,this.inlineQueue.pop(),this.inlineQueue.at(-1).src=h.text):t.push(l);continue}if(e){this.infiniteLoopError(e.charCodeAt(0));break}}return this.state.top=!0,this.state.lastToken=r,t}inline(e,t=[]){return this.inlineQueue.push({src:e,tokens:t}),t}linkInText(e){if(!e.includes("["))return!1;let t=this.tokenizer.rules.inline.link;for(let s of e.matchAll(this.tokenizer.rules.inline.blockSkip))if(t.test(s[0])&&e.charAt(s.index-1)!=="!")return!0;for(let s of e.matchAll(this.tokenizer.rules.inline.reflinkSearch)){let r=s[0],n=r.lastIndexOf("[");if(!(r.charAt(0)==="!"||!Object.hasOwn(this.tokens.links,Hs(r.slice(n+1,-1))))&&!(n>1&&this.linkInText(r.slice(1,n-1))))return!0}return!1}inlineTokens(e,t=[]){this.tokenizer.lexer=this;let s=this.state.linkParenPossible;this.state.linkParenPossible=e.includes(")");try{return this.#t(e,t)}finally{this.state.linkParenPossible=s}}#t(e,t){let s=e.includes("*")||e.includes("_")||e.includes("~"),r=s||this.options.hooks?.emStrongMask||this.tokenizer.emStrong!==ut.prototype.emStrong||this.tokenizer.del!==ut.prototype.del?this.#i(e):e;if(!s)return this.#e(e,r,t);oc(this.tokenizer,r);try{return this.#e(e,r,t)}finally{ac(this.tokenizer)}}#e(e,t,s){let r=!1,n="",o=1/0;for(;e;){if(e.length<o)o=e.length;else{this.infiniteLoopError(e.charCodeAt(0));break}r||(n=""),r=!1;let c;if(this.options.extensions?.inline?.some(h=>(c=h.call({lexer:this},e,s))?(e=e.substring(c.raw.length),s.push(c),!0):!1))continue;if(c=this.tokenizer.escape(e)){e=e.substring(c.raw.length),s.push(c);continue}if(c=this.tokenizer.tag(e)){e=e.substring(c.raw.length),s.push(c);continue}if(c=this.tokenizer.link(e)){e=e.substring(c.raw.length),s.push(c);continue}if(c=this.tokenizer.reflink(e,this.tokens.links)){e=e.substring(c.raw.length);let h=s.at(-1);c.type==="text"&&h?.type==="text"?(h.raw+=c.raw,h.text+=c.text):s.push(c);continue}let l=e[0];if(l==="*"||l==="_"){let h=t.length-e.length;if(ro(this.tokenizer,t,l)<=h){let d=1;for(;d<e.length&&e.charCodeAt(d)===l.charCodeAt(0);)d++;let b=e.substring(0,d),k=s.at(-1);k?.type==="text"&&!k.escaped?(k.raw+=b,k.text+=b):s.push({type:"text",raw:b,text:b,escaped:!1}),e=e.substring(d),n=l,r=!0;continue}}else if(l==="~"){let h=t.length-e.length;if(no(this.tokenizer,t)<=h){let d=1;for(;d<e.length&&e.charCodeAt(d)===126;)d++;let b=e.substring(0,d),k=s.at(-1);k?.type==="text"&&!k.escaped?(k.raw+=b,k.text+=b):s.push({type:"text",raw:b,text:b,escaped:!1}),e=e.substring(d),n=l,r=!0;continue}}if(c=this.tokenizer.emStrong(e,t,n)){e=e.substring(c.raw.length),s.push(c);continue}if(c=this.tokenizer.codespan(e)){e=e.substring(c.raw.length),s.push(c);continue}if(c=this.tokenizer.br(e)){e=e.substring(c.raw.length),s.push(c);continue}if(c=this.tokenizer.del(e,t,n)){e=e.substring(c.raw.length),s.push(c);continue}if(c=this.tokenizer.autolink(e)){e=e.substring(c.raw.length),s.push(c);continue}if(!this.state.inLink&&(c=this.tokenizer.url(e))){e=e.substring(c.raw.length),s.push(c);continue}let f=e;if(this.options.extensions?.startInline){let h=1/0,d=e.slice(1),b;this.options.extensions.startInline.forEach(k=>{b=k.call({lexer:this},d),typeof b=="number"&&b>=0&&(h=Math.min(h,b))}),h<1/0&&h>=0&&(f=e.substring(0,h+1))}if(c=this.tokenizer.inlineText(f)){e=e.substring(c.raw.length),c.raw.slice(-1)!=="_"&&(n=c.raw.slice(-1)),r=!0;let h=s.at(-1);h?.type==="text"?(h.raw+=c.raw,h.text+=c.text):s.push(c);continue}if(e){this.infiniteLoopError(e.charCodeAt(0));break}}return s}#s(e){let{blockSkip:t,tag:s,autolink:r}=this.tokenizer.rules.inline,n="",o=0,c;for(t.lastIndex=0;c=t.exec(e);){let l=c.index+(c[2]?c[2].length:0),f=c.index+c[0].length;if(e.charAt(l)==="<"){let h=e.slice(l),d=s.exec(h)||r.exec(h);if(!d){t.lastIndex=l+1;continue}f=l+d[0].length,t.lastIndex=f}n+=e.slice(o,l)+"["+"a".repeat(f-l-2)+"]",o=f}return n+e.slice(o)}#i(e){let t=e;if(this.tokens.links&&e.includes("[")){let s=this.tokenizer.rules.inline.reflinkSearch,r=n=>{let o=n.lastIndexOf("[");if(!Object.hasOwn(this.tokens.links,Hs(n.slice(o+1,-1))))return n;if(o>1&&n.charAt(0)!=="!"){let c=n.slice(1,o-1);if(this.linkInText(c))return"["+c.replace(s,r)+"]["+"a".repeat(n.length-o-2)+"]"}return"["+"a".repeat(n.length-2)+"]"};t=t.replace(s,r)}return t=t.replace(this.tokenizer.rules.inline.anyPunctuationOutsideCode,(s,r,n)=>n?"+".repeat(s.length):r?r+s.slice(r.length,-r.length).replace(/`/g,"+")+r:s),t=this.#s(t),t=this.options.hooks?.emStrongMask?.call({lexer:this},t)??t,t}infiniteLoopError(e){let t="Infinite loop on byte: "+e;if(this.options.silent)console.error(t);else throw new Error(t)}},js=class{options;parser;constructor(i){this.options=i||pt}space(i){return""}code({text:i,lang:e,escaped:t}){let s=(e||"").match(G.notSpaceStart)?.[0],r=i?i.replace(G.endingNewline,"")+`
`:"";return s?'<pre><code class="language-'+fe(s)+'">'+(t?r:fe(r,!0))+`</code></pre>
`:"<pre><code>"+(t?r:fe(r,!0))+`</code></pre>
`}blockquote({tokens:i}){return`<blockquote>
${this.parser.parse(i)}</blockquote>
`}html({text:i}){return i}def(i){return""}heading({tokens:i,depth:e}){return`<h${e}>${this.parser.parseInline(i)}</h${e}>
`}hr(i){return`<hr>
`}list(i){let e=i.ordered,t=i.start,s="";for(let o=0;o<i.items.length;o++){let c=i.items[o];s+=this.listitem(c)}let r=e?"ol":"ul",n=e&&t!==1?' start="'+t+'"':"";return"<"+r+n+`>
`+s+"</"+r+`>
`}listitem(i){return`<li>${this.parser.parse(i.tokens)}</li>
`}checkbox({checked:i}){return"<input "+(i?'checked="" ':"")+'disabled="" type="checkbox"> '}paragraph({tokens:i}){return`<p>${this.parser.parseInline(i)}</p>
`}table(i){let e="",t="";for(let r=0;r<i.header.length;r++)t+=this.tablecell(i.header[r]);e+=this.tablerow({text:t});let s="";for(let r=0;r<i.rows.length;r++){let n=i.rows[r];t="";for(let o=0;o<n.length;o++)t+=this.tablecell(n[o]);s+=this.tablerow({text:t})}return s&&(s=`<tbody>${s}</tbody>`),`<table>
<thead>
`+e+`</thead>
`+s+`</table>
`}tablerow({text:i}){return`<tr>
${i}</tr>
`}tablecell(i){let e=this.parser.parseInline(i.tokens),t=i.header?"th":"td";return(i.align?`<${t} align="${i.align}">`:`<${t}>`)+e+`</${t}>
`}strong({tokens:i}){return`<strong>${this.parser.parseInline(i)}</strong>`}em({tokens:i}){return`<em>${this.parser.parseInline(i)}</em>`}codespan({text:i}){return`<code>${fe(i,!0)}</code>`}br(i){return"<br>"}del({tokens:i}){return`<del>${this.parser.parseInline(i)}</del>`}link({href:i,title:e,text:t,tokens:s,autolink:r}){let n=r?fe(t,!0):this.parser.parseInline(s),o=qn(i);if(o===null)return n;i=fe(o,r);let c='<a href="'+i+'"';return e&&(c+=' title="'+fe(e)+'"'),c+=">"+n+"</a>",c}image({href:i,title:e,text:t,tokens:s}){s&&(t=this.parser.parseInline(s,this.parser.textRenderer));let r=qn(i);if(r===null)return fe(t);i=r;let n=`<img src="${fe(i)}" alt="${fe(t)}"`;return e&&(n+=` title="${fe(e)}"`),n+=">",n}text(i){return"tokens"in i&&i.tokens?this.parser.parseInline(i.tokens):"escaped"in i&&i.escaped?i.text:fe(i.text)}},er=class{parser;strong({text:i,tokens:e}){return e?this.parser.parseInline(e,this):i}em({text:i,tokens:e}){return e?this.parser.parseInline(e,this):i}codespan({text:i}){return i}del({text:i,tokens:e}){return e?this.parser.parseInline(e,this):i}html({text:i}){return i}text({text:i}){return i}link({text:i,tokens:e}){return e?this.parser.parseInline(e,this):i}image({text:i,tokens:e}){return e?this.parser.parseInline(e,this):i}br(){return`
`}checkbox({raw:i}){return i}},ke=class Bi{options;renderer;textRenderer;constructor(e){this.options=e||pt,this.options.renderer=this.options.renderer||new js,this.renderer=this.options.renderer,this.renderer.options=this.options,this.renderer.parser=this,this.textRenderer=new er,this.textRenderer.parser=this}static parse(e,t){return new Bi(t).parse(e)}static parseInline(e,t){return new Bi(t).parseInline(e)}parse(e){this.renderer.parser=this;let t="";for(let s=0;s<e.length;s++){let r=e[s];if(this.options.extensions?.renderers?.[r.type]){let o=r,c=this.options.extensions.renderers[o.type].call({parser:this},o);if(c!==!1||!["space","hr","heading","code","table","blockquote","list","checkbox","html","def","paragraph","text"].includes(o.type)){t+=c===!1?"":c??"";continue}}let n=r;switch(n.type){case"space":{t+=this.renderer.space(n);break}case"hr":{t+=this.renderer.hr(n);break}case"heading":{t+=this.renderer.heading(n);break}case"code":{t+=this.renderer.code(n);break}case"table":{t+=this.renderer.table(n);break}case"blockquote":{t+=this.renderer.blockquote(n);break}case"list":{t+=this.renderer.list(n);break}case"checkbox":{t+=this.renderer.checkbox(n);break}case"html":{t+=this.renderer.html(n);break}case"def":{t+=this.renderer.def(n);break}case"paragraph":{t+=this.renderer.paragraph(n);break}case"text":{t+=this.renderer.text(n);break}default:{let o='Token with "'+n.type+'" type was not found.';if(this.options.silent)return console.error(o),"";throw new Error(o)}}}return t}parseInline(e,t=this.renderer){this.renderer.parser=this;let s="";for(let r=0;r<e.length;r++){let n=e[r];if(this.options.extensions?.renderers?.[n.type]){let c=this.options.extensions.renderers[n.type].call({parser:this},n);if(c!==!1||!["escape","html","link","image","checkbox","strong","em","codespan","br","del","text"].includes(n.type)){s+=c===!1?"":c??"";continue}}let o=n;switch(o.type){case"escape":{s+=t.text(o);break}case"html":{s+=t.html(o);break}case"link":{s+=t.link(o);break}case"image":{s+=t.image(o);break}case"checkbox":{s+=t.checkbox(o);break}case"strong":{s+=t.strong(o);break}case"em":{s+=t.em(o);break}case"codespan":{s+=t.codespan(o);break}case"br":{s+=t.br(o);break}case"del":{s+=t.del(o);break}case"text":{s+=t.text(o);break}default:{let c='Token with "'+o.type+'" type was not found.';if(this.options.silent)return console.error(c),"";throw new Error(c)}}}return s}},Yt=class{options;block;constructor(i){this.options=i||pt}static passThroughHooks=new Set(["preprocess","postprocess","processAllTokens","emStrongMask"]);static passThroughHooksRespectAsync=new Set(["preprocess","postprocess","processAllTokens"]);preprocess(i){return i}postprocess(i){return i}processAllTokens(i){return i}emStrongMask(i){return i}provideLexer(i=this.block){return i?ve.lex:ve.lexInline}provideParser(i=this.block){return i?ke.parse:ke.parseInline}};function Ye(i,e){if(Array.isArray(e))for(let t=0;t<e.length;t++)i.push(e[t]);else i.push(e)}var uc=class{defaults=Wi();options=this.setOptions;parse=this.parseMarkdown(!0);parseInline=this.parseMarkdown(!1);Parser=ke;Renderer=js;TextRenderer=er;Lexer=ve;Tokenizer=ut;Hooks=Yt;constructor(...i){this.use(...i)}walkTokens(i,e){let t=[];for(let s of i)switch(Ye(t,e.call(this,s)),s.type){case"table":{let r=s;for(let n of r.header)Ye(t,this.walkTokens(n.tokens,e));for(let n of r.rows)for(let o of n)Ye(t,this.walkTokens(o.tokens,e));break}case"list":{let r=s;Ye(t,this.walkTokens(r.items,e));break}default:{let r=s;this.defaults.extensions?.childTokens?.[r.type]?this.defaults.extensions.childTokens[r.type].forEach(n=>{let o=r[n].flat(1/0);Ye(t,this.walkTokens(o,e))}):r.tokens&&Ye(t,this.walkTokens(r.tokens,e))}}return t}use(...i){let e=this.defaults.extensions||{renderers:Object.create(null),childTokens:Object.create(null)};return i.forEach(t=>{let s={...t};if(s.async=this.defaults.async||s.async||!1,t.extensions&&(t.extensions.forEach(r=>{if(!r.name)throw new Error("extension name required");if("renderer"in r){let n=e.renderers[r.name];n?e.renderers[r.name]=function(...o){let c=r.renderer.apply(this,o);return c===!1&&(c=n.apply(this,o)),c}:e.renderers[r.name]=r.renderer}if("tokenizer"in r){if(!r.level||r.level!=="block"&&r.level!=="inline")throw new Error("extension level must be 'block' or 'inline'");let n=e[r.level];n?n.unshift(r.tokenizer):e[r.level]=[r.tokenizer],r.start&&(r.level==="block"?e.startBlock?e.startBlock.push(r.start):e.startBlock=[r.start]:r.level==="inline"&&(e.startInline?e.startInline.push(r.start):e.startInline=[r.start]))}"childTokens"in r&&r.childTokens&&(e.childTokens[r.name]=r.childTokens)}),s.extensions=e),t.renderer){let r=this.defaults.renderer||new js(this.defaults);for(let n in t.renderer){if(!(n in r))throw new Error(`renderer '${n}' does not exist`);if(["options","parser"].includes(n))continue;let o=n,c=t.renderer[o],l=r[o];r[o]=(...f)=>{let h=c.apply(r,f);return h===!1&&(h=l.apply(r,f)),h===!1?"":h??""}}s.renderer=r}if(t.tokenizer){let r=this.defaults.tokenizer||new ut(this.defaults);for(let n in t.tokenizer){if(!(n in r))throw new Error(`tokenizer '${n}' does not exist`);if(["options","rules","lexer"].includes(n))continue;let o=n,c=t.tokenizer[o],l=r[o];r[o]=(...f)=>{let h=c.apply(r,f);return h===!1&&(h=l.apply(r,f)),h}}s.tokenizer=r}if(t.hooks){let r=this.defaults.hooks||new Yt;for(let n in t.hooks){if(!(n in r))throw new Error(`hook '${n}' does not exist`);if(["options","block"].includes(n))continue;let o=n,c=t.hooks[o],l=r[o];Yt.passThroughHooks.has(n)?r[o]=f=>{if(r.options.async&&Yt.passThroughHooksRespectAsync.has(n))return(async()=>{let d=await c.call(r,f);return l.call(r,d)})();let h=c.call(r,f);return l.call(r,h)}:r[o]=(...f)=>{if(r.options.async)return(async()=>{let d=await c.apply(r,f);return d===!1&&(d=await l.apply(r,f)),d})();let h=c.apply(r,f);return h===!1&&(h=l.apply(r,f)),h}}s.hooks=r}if(t.walkTokens){let r=this.defaults.walkTokens,n=t.walkTokens;s.walkTokens=function(o){let c=[];return Ye(c,n.call(this,o)),r&&Ye(c,r.call(this,o)),c}}this.defaults={...this.defaults,...s}}),this}setOptions(i){return this.defaults={...this.defaults,...i},this}lexer(i,e){return ve.lex(i,e??this.defaults)}parser(i,e){return ke.parse(i,e??this.defaults)}parseMarkdown(i){return(e,t)=>{let s={...t},r={...this.defaults,...s},n=this.onError(!!r.silent,!!r.async);if(this.defaults.async===!0&&s.async===!1)return n(new Error("marked(): The async option was set to true by an extension. Remove async: false from the parse options object to return a Promise."));if(typeof e>"u"||e===null)return n(new Error("marked(): input parameter is undefined or null"));if(typeof e!="string")return n(new Error("marked(): input parameter is of type "+Object.prototype.toString.call(e)+", string expected"));if(r.hooks&&(r.hooks.options=r,r.hooks.block=i),r.async)return(async()=>{let o=r.hooks?await r.hooks.preprocess(e):e,c=await(r.hooks?await r.hooks.provideLexer(i):i?ve.lex:ve.lexInline)(o,r),l=r.hooks?await r.hooks.processAllTokens(c):c;r.walkTokens&&await Promise.all(this.walkTokens(l,r.walkTokens));let f=await(r.hooks?await r.hooks.provideParser(i):i?ke.parse:ke.parseInline)(l,r);return r.hooks?await r.hooks.postprocess(f):f})().catch(n);try{r.hooks&&(e=r.hooks.preprocess(e));let o=(r.hooks?r.hooks.provideLexer(i):i?ve.lex:ve.lexInline)(e,r);r.hooks&&(o=r.hooks.processAllTokens(o)),r.walkTokens&&this.walkTokens(o,r.walkTokens);let c=(r.hooks?r.hooks.provideParser(i):i?ke.parse:ke.parseInline)(o,r);return r.hooks&&(c=r.hooks.postprocess(c)),c}catch(o){return n(o)}}}onError(i,e){return t=>{if(t.message+=`
Please report this to https://github.com/markedjs/marked.`,i){let s="<p>An error occurred:</p><pre>"+fe(t.message+"",!0)+"</pre>";return e?Promise.resolve(s):s}if(e)return Promise.reject(t);throw t}}},ht=new uc;function P(i,e){return ht.parse(i,e)}P.options=P.setOptions=function(i){return ht.setOptions(i),P.defaults=ht.defaults,Yn(P.defaults),P};P.getDefaults=Wi;P.defaults=pt;function hc(...i){return ht.use(...i),P.defaults=ht.defaults,Yn(P.defaults),P}P.use=hc;P.walkTokens=function(i,e){return ht.walkTokens(i,e)};P.parseInline=ht.parseInline;P.Parser=ke;P.parser=ke.parse;P.Renderer=js;P.TextRenderer=er;P.Lexer=ve;P.lexer=ve.lex;P.Tokenizer=ut;P.Hooks=Yt;P.parse=P;var Eh=P.options,Ah=P.setOptions,xh=P.walkTokens,Th=P.parseInline;var _h=ke.parse,Sh=ve.lex;var pc=["p","br","strong","em","del","code","pre","blockquote","ul","ol","li","h1","h2","h3","h4","h5","h6","a","hr","table","thead","tbody","tr","th","td"];function Rt(i){let e=P.parse(i,{async:!1,gfm:!0,breaks:!0});return Nn.sanitize(e,{ALLOWED_TAGS:pc,ALLOWED_ATTR:["href","title"],ALLOWED_URI_REGEXP:/^(?:https?:|mailto:|#)/i})}var fc=0,B=class extends q{constructor(){super(...arguments);this.serverErrors=[];this.scopes=[];this.tagSuggestions=[];this.storage=null;this.busy=!1;this.heading="New note";this.submitLabel="Save note";this.allowFollowUp=!1;this.findAgents=null;this.knownAgents=[];this.errors=[];this.preview=!1;this.draftFields=null;this.tagText="";this.agents=new At(this,()=>this.findAgents);this.openedAt=null;this.uid=`f${++fc}`}connectedCallback(){super.connectedCallback();let t=this.storage?.loadDraft();t&&(this.draftFields=t.fields,this.openedAt=t.openedAt)}willUpdate(t){t.has("initial")&&this.initial&&(this.fields={...this.initial,...this.draftFields},this.draftFields=null),t.has("serverErrors")&&(this.errors=[...Rs(this.fields),...this.serverErrors])}reset(t){this.fields=t,this.openedAt=null,this.errors=[],this.preview=!1,this.tagText="",this.storage?.saveDraft(null)}open(){this.openedAt===null&&(this.openedAt=Date.now(),this.persist())}persist(){this.storage?.saveDraft({fields:this.fields,openedAt:this.openedAt})}change(t,s){this.open(),this.fields={...this.fields,[t]:s};let r=Rs(this.fields);this.errors=[...this.errors.filter(n=>n.code!=="TOO_LONG"||n.field!==t),...r.filter(n=>n.field===t)],this.persist()}addTag(){let t=Be(`${this.fields.tags},${this.tagText}`);this.tagText="",this.change("tags",t.join(", "))}removeTag(t){this.change("tags",Be(this.fields.tags).filter(s=>s!==t).join(", "))}onTagKey(t){(t.key==="Enter"||t.key===",")&&!t.ctrlKey&&!t.metaKey&&(t.preventDefault(),this.tagText.trim()&&this.addTag())}onKey(t){t.key==="Enter"&&(t.ctrlKey||t.metaKey)&&(t.preventDefault(),this.submit())}submit(){if(this.busy)return;this.tagText.trim()&&this.addTag();let t=Rs(this.fields);if(this.fields.followUp&&!this.fields.dueAt&&t.push({field:"followUp.dueAt",code:"REQUIRED",message:"Choose a due date."}),this.fields.scope||t.push({field:"scope",code:"REQUIRED",message:"Choose a visibility."}),t.length){this.errors=t,this.focusFirstError();return}let s=this.openedAt===null?null:Math.max(0,Date.now()-this.openedAt);this.dispatchEvent(new CustomEvent("note-submit",{detail:{fields:this.fields,creationMs:s},bubbles:!0,composed:!0}))}async focusFirstError(){await this.updateComplete,this.renderRoot.querySelector('[aria-invalid="true"]')?.focus()}render(){let t=this.fields,s=c=>`${this.uid}-${c}`,r=c=>Et(this.errors,c),n=this.errors.filter(c=>!["subject","body","category","type","scope","importance","tags"].includes(c.field??"")&&!(c.field??"").startsWith("followUp")),o=Be(t.tags);return y`
      <form
        aria-label=${this.heading}
        aria-busy=${this.busy?"true":"false"}
        @keydown=${this.onKey}
        @focusin=${()=>this.open()}
        @submit=${c=>{c.preventDefault(),this.submit()}}
      >
        ${this.textInput(s("subject"),"Subject","subject",r("subject"))}
        <label for=${s("body")}>Note (markdown)</label>
        <textarea
          id=${s("body")}
          .value=${t.body}
          aria-invalid=${r("body")?"true":"false"}
          aria-describedby=${r("body")?`${s("body")}-error`:`${s("body")}-hint`}
          @input=${c=>this.change("body",c.target.value)}
        ></textarea>
        ${r("body")?te(s("body"),r("body")):y`<p class="hint" id="${s("body")}-hint">
              Up to ${1e5.toLocaleString("en")} characters. Ctrl+Enter saves.
            </p>`}
        <div class="actions">
          <button
            type="button"
            aria-pressed=${this.preview?"true":"false"}
            @click=${()=>this.preview=!this.preview}
          >
            Preview
          </button>
        </div>
        ${this.preview?y`<section class="markdown" aria-label="Preview">
              ${xt(Rt(t.body))}
            </section>`:v}
        <div class="row">
          <div>
            ${We(s("category"),"Category",t.category,Ts,c=>this.change("category",c),r("category"))}
          </div>
          <div>
            ${We(s("type"),"Type",t.type,_s,c=>this.change("type",c),r("type"))}
          </div>
        </div>
        <div class="row">
          <div>
            ${We(s("scope"),"Visibility",t.scope,this.scopes,c=>this.change("scope",c),r("scope"))}
          </div>
          <div>
            ${We(s("importance"),"Importance",t.importance,an,c=>this.change("importance",c),r("importance"))}
          </div>
        </div>
        <label for=${s("tag")}>Tags</label>
        <ul class="chips" aria-label="Tags on this note">
          ${o.map(c=>y`<li>
              ${c}
              <button type="button" aria-label="Remove tag ${c}" @click=${()=>this.removeTag(c)}>
                ×
              </button>
            </li>`)}
        </ul>
        <div class="row">
          <input
            id=${s("tag")}
            type="text"
            list=${s("tag-options")}
            autocomplete="off"
            .value=${this.tagText}
            aria-invalid=${r("tags")?"true":"false"}
            aria-describedby=${r("tags")?`${s("tag")}-error`:v}
            @input=${c=>this.tagText=c.target.value}
            @keydown=${this.onTagKey}
          />
          <button type="button" class="fit" @click=${()=>this.addTag()}>Add</button>
        </div>
        <datalist id=${s("tag-options")}>
          ${this.tagSuggestions.filter(c=>!o.includes(c)).map(c=>y`<option value=${c}></option>`)}
        </datalist>
        ${te(s("tag"),r("tags"))}
        <label class="check">
          <input
            type="checkbox"
            .checked=${t.pinned}
            @change=${c=>this.change("pinned",c.target.checked)}
          />
          Pin this note
        </label>
        ${this.allowFollowUp?this.followUp(s,r):v}
        ${n.map(c=>y`<p class="error" role="alert">${c.message}</p>`)}
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.busy}>${this.submitLabel}</button>
          <slot name="actions"></slot>
          ${this.busy?y`<span role="status"><span class="spinner" aria-hidden="true"></span> Saving…</span>`:v}
        </div>
      </form>
    `}textInput(t,s,r,n){return y`
      <label for=${t}>${s}</label>
      <input
        id=${t}
        type="text"
        .value=${this.fields[r]}
        aria-invalid=${n?"true":"false"}
        aria-describedby=${n?`${t}-error`:v}
        @input=${o=>this.change(r,o.target.value)}
      />
      ${te(t,n)}
    `}followUp(t,s){let r=this.fields;return y`
      <label class="check">
        <input
          type="checkbox"
          .checked=${r.followUp}
          @change=${n=>{let o=n.target.checked;this.change("followUp",o),o&&!this.agents.found.length&&this.agents.search(this.agents.query)}}
        />
        Add a follow-up
      </label>
      ${r.followUp?y`<fieldset>
            <legend>Follow-up</legend>
            <label for=${t("assignee-find")}>Find assignee</label>
            <input
              id=${t("assignee-find")}
              type="search"
              autocomplete="off"
              aria-describedby=${t("assignee-found")}
              .value=${this.agents.query}
              @input=${n=>this.agents.search(n.target.value)}
            />
            <span id=${t("assignee-found")} class="hint" role="status">${this.agents.status}</span>
            <label for=${t("assignee")}>Assignee</label>
            <select
              id=${t("assignee")}
              aria-invalid=${s("followUp.assigneeId")?"true":"false"}
              aria-describedby=${s("followUp.assigneeId")?`${t("assignee")}-error`:v}
              @change=${n=>this.change("assigneeId",n.target.value)}
            >
              ${this.agents.choices(r.assigneeId,this.knownAgents).map(n=>y`<option value=${n.agentId} ?selected=${n.agentId===r.assigneeId}>
                  ${n.name}${n.agentId===this.knownAgents[0]?.agentId?" (me)":""}
                </option>`)}
            </select>
            ${te(t("assignee"),s("followUp.assigneeId"))}
            <label for=${t("due")}>Due</label>
            <input
              id=${t("due")}
              type="datetime-local"
              .value=${r.dueAt}
              aria-invalid=${s("followUp.dueAt")?"true":"false"}
              aria-describedby=${s("followUp.dueAt")?`${t("due")}-error`:v}
              @input=${n=>this.change("dueAt",n.target.value)}
            />
            ${te(t("due"),s("followUp.dueAt"))}
            <label for=${t("instructions")}>Instructions</label>
            <input
              id=${t("instructions")}
              type="text"
              .value=${r.instructions}
              @input=${n=>this.change("instructions",n.target.value)}
            />
          </fieldset>`:v}
    `}};B.styles=ce,g([T({attribute:!1})],B.prototype,"initial",2),g([T({attribute:!1})],B.prototype,"serverErrors",2),g([T({attribute:!1})],B.prototype,"scopes",2),g([T({attribute:!1})],B.prototype,"tagSuggestions",2),g([T({attribute:!1})],B.prototype,"storage",2),g([T({type:Boolean})],B.prototype,"busy",2),g([T()],B.prototype,"heading",2),g([T()],B.prototype,"submitLabel",2),g([T({type:Boolean})],B.prototype,"allowFollowUp",2),g([T({attribute:!1})],B.prototype,"findAgents",2),g([T({attribute:!1})],B.prototype,"knownAgents",2),g([w()],B.prototype,"fields",2),g([w()],B.prototype,"errors",2),g([w()],B.prototype,"preview",2),g([w()],B.prototype,"tagText",2),B=g([le("c360-note-form")],B);var gc={amp:"&",lt:"<",gt:">",quot:'"',apos:"'"};function mc(i){return i.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi,(e,t)=>{let s=t.toLowerCase();if(s.startsWith("#")){let r=s.startsWith("#x")?parseInt(s.slice(2),16):parseInt(s.slice(1),10);return r>0&&r<=1114111?String.fromCodePoint(r):e}return gc[s]??e})}function bc(i){let e=[],t=!1;for(let s of i.split(/(<\/?em>)/i)){let r=s.toLowerCase();r==="<em>"||r==="</em>"?t=r==="<em>":s&&e.push({text:mc(s),marked:t})}return e}function oo(i){return y`${bc(i).map(e=>e.marked?y`<em>${e.text}</em>`:e.text)}`}function ao(i){return i?[...i.subject,...i.body]:[]}function lo(i,e){let t={};for(let r of["subject","body","category","type","scope","importance"])e[r]!==i[r]&&(t[r]=e[r]);e.pinned!==i.pinned&&(t.pinned=e.pinned);let s=Be(e.tags);return s.join(`
`)!==i.tags.join(`
`)&&(t.tags=s),t}var co=i=>`${new Date(i).toISOString().slice(0,16).replace("T"," ")} UTC`,K=class extends q{constructor(){super(...arguments);this.scopes=[];this.tagSuggestions=[];this.canEdit=!1;this.canDelete=!1;this.mode="view";this.busy=!1;this.errors=[];this.history=[];this.mine=null;this.editing=null;this.theirs=null;this.message=""}willUpdate(t){let s=t.get("note");s&&s.id!==this.note.id&&(this.mode="view",this.history=[],this.errors=[],this.message="",this.mine=null,this.theirs=null,this.editing=null)}emit(t,s={}){this.dispatchEvent(new CustomEvent(t,{detail:s,bubbles:!0,composed:!0}))}async run(t){this.busy=!0,this.message="";try{return await t()}catch(s){s instanceof Q&&this.emit("auth-needed"),this.message=s instanceof Error?s.message:String(s);return}finally{this.busy=!1}}async save(t,s){let r=lo(t,s),n={id:t.id,expectedVersion:t.version,...r},o=await this.run(()=>this.client.request(fn,{input:n},["updateNote"]));if(!o)return;let{note:c,errors:l}=o.data.updateNote;if(c)this.note=c,this.mode="view",this.errors=[],this.emit("note-changed",{note:c});else if(l.some(f=>f.code==="CONFLICT")){let f=await this.run(()=>this.client.request(hn,{id:t.id}));this.mine=s,this.theirs=f?.data.note??null,this.mode="conflict"}else this.errors=l}async showHistory(){let t=this.note.id,s=await this.run(()=>this.client.request(pn,{id:t}));t===this.note.id&&(this.history=Fe(s?.data.note?.history),this.mode="history")}async deleteNote(){let t=await this.run(()=>this.client.request(gn,{input:{id:this.note.id}},["deleteNote"]));if(!t)return;let{errors:s}=t.data.deleteNote;if(s.length){this.message=s.map(r=>r.message).join(" ");return}this.mode="view",this.history=[],this.emit("note-deleted",{note:this.note})}async reapply(){if(!this.mine||!this.theirs)return;let t={...Ri(this.theirs)};for(let s of Object.keys(lo(this.note,this.mine)))Object.assign(t,{[s]:this.mine[s]});await this.save(this.theirs,t),this.mode==="view"&&(this.mine=null,this.theirs=null)}edit(){this.editing=Ri(this.note),this.errors=[],this.mode="edit"}keepTheirs(){this.theirs&&(this.note=this.theirs),this.mine=null,this.theirs=null,this.mode="view",this.emit("note-changed",{note:this.note})}render(){let t=this.note;return y`
      <article aria-labelledby="subject-${t.id}">
        <h3 id="subject-${t.id}">${t.pinned?y`<span aria-label="Pinned">📌 </span>`:v}${t.subject}</h3>
        <p class="hint">
          ${de(t.category)} · ${de(t.type)} · visible to ${de(t.scope)} ·
          ${de(t.importance)} importance · ${t.author?.name??"an agent"} · ${co(t.createdAt)} · v${t.version}
        </p>
        ${t.tags.length?y`<ul class="chips" aria-label="Tags">${t.tags.map(s=>y`<li>${s}</li>`)}</ul>`:v}
        ${this.mode==="edit"?this.renderEdit():v}
        ${this.mode==="conflict"?this.renderConflict():v}
        ${this.mode==="view"||this.mode==="history"?y`<div class="markdown body">${xt(Rt(t.body))}</div>`:v}
        ${this.mode==="history"?this.renderHistory():v}
        ${this.message?y`<p class="error" role="alert">${this.message}</p>`:v}
        ${this.mode==="view"||this.mode==="history"?this.renderActions():v}
      </article>
    `}renderActions(){let t=this.note.subject;return y`<div class="actions">
      ${this.canEdit?y`<button type="button" aria-label="Edit ${t}" @click=${this.edit}>Edit</button>`:v}
      <button
        type="button"
        aria-label="History of ${t}"
        aria-expanded=${this.mode==="history"?"true":"false"}
        @click=${()=>this.mode==="history"?this.mode="view":this.showHistory()}
      >
        History
      </button>
      ${this.canDelete?y`<button type="button" class="danger" aria-label="Delete ${t}" ?disabled=${this.busy}
            @click=${this.deleteNote}>Delete</button>`:v}
    </div>`}renderEdit(){let t=this.scopes.includes(this.note.scope)?this.scopes:[this.note.scope,...this.scopes];return y`<c360-note-form
      heading="Edit note"
      submitLabel="Save changes"
      .initial=${this.editing}
      .scopes=${t}
      .tagSuggestions=${this.tagSuggestions}
      .serverErrors=${this.errors}
      ?busy=${this.busy}
      @note-submit=${s=>{s.stopPropagation(),this.save(this.note,s.detail.fields)}}
    >
      <button slot="actions" type="button" @click=${()=>this.mode="view"}>Cancel</button>
    </c360-note-form>`}renderConflict(){let t=this.mine,s=this.theirs;return y`<section class="status warn" role="alert" aria-label="Edit conflict">
      <p>
        Someone saved this note while you were editing it${s?y` (now version ${s.version})`:v}. Compare and choose.
      </p>
      <div class="row">
        <section aria-label="Your version">
          <h4>Your version</h4>
          <p><strong>${t.subject}</strong></p>
          <div class="markdown">${xt(Rt(t.body))}</div>
        </section>
        <section aria-label="Saved version">
          <h4>Saved version</h4>
          ${s?y`<p><strong>${s.subject}</strong></p>
                <div class="markdown">${xt(Rt(s.body))}</div>`:y`<p>The note is no longer available.</p>`}
        </section>
      </div>
      <div class="actions">
        <button class="primary" type="button" ?disabled=${this.busy||!s} @click=${this.reapply}>
          Reapply my changes
        </button>
        <button type="button" ?disabled=${!s} @click=${this.keepTheirs}>Keep saved version</button>
      </div>
    </section>`}renderHistory(){return y`<section aria-label="History">
      <h4>History</h4>
      ${this.history.length?y`<ol>
            ${this.history.map(t=>y`<li>
                v${t.version} by ${t.editor?.name??"an agent"}, ${co(t.editedAt)}:
                ${t.changes.map(s=>y`<div><em>${s.field}</em>: ${JSON.stringify(s.before)} → ${JSON.stringify(s.after)}</div>`)}
              </li>`)}
          </ol>`:y`<p class="hint">Not edited since it was written.</p>`}
    </section>`}};K.styles=ce,g([T({attribute:!1})],K.prototype,"note",2),g([T({attribute:!1})],K.prototype,"client",2),g([T({attribute:!1})],K.prototype,"scopes",2),g([T({attribute:!1})],K.prototype,"tagSuggestions",2),g([T({type:Boolean})],K.prototype,"canEdit",2),g([T({type:Boolean})],K.prototype,"canDelete",2),g([w()],K.prototype,"mode",2),g([w()],K.prototype,"busy",2),g([w()],K.prototype,"errors",2),g([w()],K.prototype,"history",2),g([w()],K.prototype,"mine",2),g([w()],K.prototype,"theirs",2),g([w()],K.prototype,"message",2),K=g([le("c360-note-card")],K);function ho(i,e){if(!i)return null;let t=new Date(`${i}T00:00:00`);return Number.isNaN(t.getTime())?null:new Date(t.getTime()+(e?86399999:0)).toISOString()}var L=class extends q{constructor(){super(...arguments);this.customerId="";this.scopes=[];this.pending=[];this.me=null;this.notes=[];this.customerTags=[];this.controlledTags=[];this.loading=!1;this.failure="";this.category="";this.type="";this.tag="";this.query="";this.searched="";this.fromDay="";this.toDay="";this.range={from:"",to:""};this.rangeError="";this.highlights=new Map;this.deleted=[];this.notice="";this.total=0;this.next=null;this.loadingMore=!1;this.ticket=0}get tagSuggestions(){let t=[...this.controlledTags,...this.customerTags,...this.notes.flatMap(s=>s.tags)];return[...new Set(t)].sort()}connectedCallback(){super.connectedCallback(),this.load()}async load(){let t=++this.ticket;this.loading=!0,this.failure="";try{if(this.searched){let{data:s}=await this.client.request(Ci,this.searchVariables(null),["searchNotes"]);if(t!==this.ticket)return;this.keepHighlights(s.searchNotes,!1),this.showPage(s.searchNotes,!1)}else{let{data:s}=await this.client.request(cn,this.listVariables(),["controlledTags"]);if(t!==this.ticket)return;this.highlights=new Map,this.showPage(s.customer?.notes??null,!1),this.customerTags=s.customer?.tags?Fe(s.customer.tags):this.customerTags,this.controlledTags=s.controlledTags.map(r=>r.tag),s.customer||(this.failure="This customer is not available to you.")}this.dispatchEvent(new CustomEvent("notes-loaded",{bubbles:!0,composed:!0}))}catch(s){s instanceof Q&&this.dispatchEvent(new CustomEvent("auth-needed",{bubbles:!0,composed:!0})),this.failure=`Notes could not be loaded: ${s instanceof Error?s.message:s}`}finally{t===this.ticket&&(this.loading=!1)}}noteFilter(){return{category:this.category||null,type:this.type||null,tags:this.tag?[this.tag]:null,from:ho(this.range.from,!1),to:ho(this.range.to,!0)}}keepHighlights(t,s){let r=new Map(s?this.highlights:[]);for(let n of t.edges)r.set(n.node.id,n.highlights);this.highlights=r}submitSearch(){if(this.fromDay&&this.toDay&&this.fromDay>this.toDay){this.rangeError="The “From” date is after the “To” date.",this.updateComplete.then(()=>this.renderRoot.querySelector("#search-from")?.focus());return}this.rangeError="",this.searched=this.query.trim(),this.range={from:this.fromDay,to:this.toDay},this.load()}clearSearch(){this.query="",this.searched="",this.fromDay="",this.toDay="",this.rangeError="",this.range={from:"",to:""},this.load()}get rangeText(){let{from:t,to:s}=this.range;return`${t?` from ${t}`:""}${s?` to ${s}`:""}`}listVariables(){return{id:this.customerId,filter:this.noteFilter(),first:25}}searchVariables(t){return{query:this.searched,filter:{...this.noteFilter(),customerId:this.customerId},first:25,after:t}}showPage(t,s){let r=Fe(t);this.notes=s?[...this.notes,...r.filter(n=>!this.notes.some(o=>o.id===n.id))]:r,this.total=t?.totalCount??this.notes.length,this.next=t?.pageInfo?.hasNextPage?t.pageInfo.endCursor:null}async loadMore(){let t=this.next;if(!t||this.loadingMore)return;let s=this.ticket;this.loadingMore=!0,this.failure="";try{if(this.searched){let{data:n}=await this.client.request(Ci,this.searchVariables(t),["searchNotes"]);if(s!==this.ticket)return;this.keepHighlights(n.searchNotes,!0),this.showPage(n.searchNotes,!0)}else{let{data:n}=await this.client.request(un,{...this.listVariables(),after:t});if(s!==this.ticket)return;this.showPage(n.customer?.notes??null,!0)}await this.updateComplete,(this.renderRoot.querySelector("#load-more")??this.renderRoot.querySelector("ul.notes"))?.focus()}catch(r){r instanceof Q&&this.dispatchEvent(new CustomEvent("auth-needed",{bubbles:!0,composed:!0})),this.failure=`More notes could not be loaded: ${r instanceof Error?r.message:r}`}finally{this.loadingMore=!1}}async restore(t){try{let{data:s}=await this.client.request(mn,{input:{id:t.id}},["restoreNote"]);s.restoreNote.note?(this.deleted=this.deleted.filter(r=>r.id!==t.id),this.notice=`Restored “${t.subject}”.`,await this.load()):this.notice=s.restoreNote.errors.map(r=>r.message).join(" ")}catch(s){this.notice=`Restore failed: ${s instanceof Error?s.message:s}`}}filterSelect(t,s,r,n,o,c=!0){return y`<div>
      <label for=${t}>${s}</label>
      <select id=${t} @change=${l=>{o(l.target.value),this.load()}}>
        <option value="" ?selected=${r===""}>All</option>
        ${n.map(l=>y`<option value=${l} ?selected=${l===r}>${c?de(l):l}</option>`)}
      </select>
    </div>`}render(){return y`
      <section aria-label="Notes">
        <form role="search" aria-label="Search notes" @submit=${t=>{t.preventDefault(),this.submitSearch()}}>
          <label for="search">Search notes</label>
          <div class="row">
            <input id="search" type="search" .value=${this.query}
              @input=${t=>this.query=t.target.value} />
            <button type="submit" class="fit">Search</button>
            ${this.searched||this.range.from||this.range.to?y`<button type="button" class="fit" @click=${this.clearSearch}>Clear</button>`:v}
          </div>
          <div class="row">
            <div>
              <label for="search-from">From date</label>
              <input id="search-from" type="date" .value=${this.fromDay}
                aria-invalid=${this.rangeError?"true":"false"}
                aria-describedby=${this.rangeError?"range-error":v}
                @input=${t=>this.fromDay=t.target.value} />
            </div>
            <div>
              <label for="search-to">To date</label>
              <input id="search-to" type="date" .value=${this.toDay}
                @input=${t=>this.toDay=t.target.value} />
            </div>
          </div>
          ${this.rangeError?y`<p id="range-error" class="error" role="alert">${this.rangeError}</p>`:v}
        </form>
        <div class="row">
          ${this.filterSelect("filter-category","Category",this.category,Ts,t=>this.category=t)}
          ${this.filterSelect("filter-type","Type",this.type,_s,t=>this.type=t)}
          ${this.filterSelect("filter-tag","Tag",this.tag,this.tagSuggestions,t=>this.tag=t,!1)}
        </div>
        ${this.renderPending()}
        ${this.notice?y`<p class="status" role="status">${this.notice}</p>`:v}
        ${this.deleted.map(t=>y`<p class="status">
            Deleted “${t.subject}”.
            <button type="button" @click=${()=>this.restore(t)}>Restore “${t.subject}”</button>
          </p>`)}
        ${this.failure?y`<p class="error" role="alert">${this.failure}</p>`:v}
        <p class="hint" role="status">
          ${this.loading?y`<span class="spinner" aria-hidden="true"></span> Loading notes…`:`${this.next?`${this.notes.length} of ${this.total}`:this.total} note${this.total===1?"":"s"}${this.searched?` matching “${this.searched}”`:""}${this.rangeText}`}
        </p>
        <ul class="notes" aria-label="Notes list" tabindex="-1">
          ${Es(this.notes,t=>t.id,t=>y`<li>
              <c360-note-card
                .note=${t}
                .client=${this.client}
                .scopes=${this.scopes}
                .tagSuggestions=${this.tagSuggestions}
                ?canEdit=${Si(this.me,"edit",t)}
                ?canDelete=${Si(this.me,"delete",t)}
                @note-changed=${()=>{this.load()}}
                @note-deleted=${s=>{this.deleted=[...this.deleted,s.detail.note],this.notice="",this.load()}}
              ></c360-note-card>
              ${this.renderMatches(t)}
            </li>`)}
        </ul>
        ${this.next?y`<button type="button" id="load-more" ?disabled=${this.loadingMore}
              aria-describedby="notes-shown" @click=${()=>{this.loadMore()}}>
              ${this.loadingMore?"Loading more notes…":`Load more notes (${this.total-this.notes.length} more)`}
            </button>
            <span id="notes-shown" class="hint">${this.notes.length} of ${this.total} shown</span>`:v}
      </section>
    `}renderMatches(t){let s=ao(this.highlights.get(t.id));return s.length?y`<p class="matches hint">
      Matches in “${t.subject}”:
      ${s.map((r,n)=>y`${n?" … ":""}${oo(r)}`)}
    </p>`:v}renderPending(){return this.pending.length?y`<section class="status warn" aria-label="Waiting to send">
      <p>
        ${this.pending.length} note${this.pending.length===1?"":"s"} waiting for the
        gateway; kept on this device and retried automatically.
      </p>
      <ul>
        ${this.pending.map(t=>y`<li>${String(t.input.subject??"")}
          (${t.attempts} ${t.attempts===1?"retry":"retries"})</li>`)}
      </ul>
    </section>`:v}};L.styles=ce,g([T({attribute:!1})],L.prototype,"client",2),g([T()],L.prototype,"customerId",2),g([T({attribute:!1})],L.prototype,"scopes",2),g([T({attribute:!1})],L.prototype,"pending",2),g([T({attribute:!1})],L.prototype,"me",2),g([w()],L.prototype,"notes",2),g([w()],L.prototype,"customerTags",2),g([w()],L.prototype,"controlledTags",2),g([w()],L.prototype,"loading",2),g([w()],L.prototype,"failure",2),g([w()],L.prototype,"category",2),g([w()],L.prototype,"type",2),g([w()],L.prototype,"tag",2),g([w()],L.prototype,"query",2),g([w()],L.prototype,"searched",2),g([w()],L.prototype,"fromDay",2),g([w()],L.prototype,"toDay",2),g([w()],L.prototype,"range",2),g([w()],L.prototype,"rangeError",2),g([w()],L.prototype,"highlights",2),g([w()],L.prototype,"deleted",2),g([w()],L.prototype,"notice",2),g([w()],L.prototype,"total",2),g([w()],L.prototype,"next",2),g([w()],L.prototype,"loadingMore",2),L=g([le("c360-notes-panel")],L);var tr=[1e3,2e3,4e3,8e3,15e3];async function sr(i,e){try{let{data:t,errors:s}=await i.request(dn,{input:e},["createNote"]),r=t.createNote;return r.note?{kind:"saved",note:r.note}:r.errors.length?{kind:"invalid",errors:r.errors}:{kind:"invalid",errors:[{field:null,code:"INVALID",message:s.map(o=>o.message).join("; ")||"the note was not saved"}]}}catch(t){return t instanceof Q?{kind:"auth"}:t instanceof nt?{kind:"offline",reason:t.message}:{kind:"invalid",errors:[{field:null,code:"INVALID",message:t instanceof Error?t.message:String(t)}]}}}var qs=class{constructor(e,t,s){this.storage=e;this.client=t;this.events=s;this.flushing=!1;this.online=()=>{this.flush()}}get items(){return this.storage.pending()}start(){window.addEventListener("online",this.online),this.items.length&&this.schedule(0)}stop(){window.removeEventListener("online",this.online),window.clearTimeout(this.timer)}add(e){let t=`${Date.now().toString(36)}-${Math.random().toString(36).slice(2,8)}`;this.storage.savePending([...this.items,{key:t,input:e,queuedAt:Date.now(),attempts:0}]),this.events.changed(),this.schedule(tr[0])}discard(e){this.storage.savePending(this.items.filter(t=>t.key!==e)),this.events.changed()}schedule(e){window.clearTimeout(this.timer),this.timer=window.setTimeout(()=>{this.flush()},e)}async flush(){if(!this.flushing){this.flushing=!0;try{for(let e of this.items){let t=await sr(this.client,e.input);if(t.kind==="offline"){let s=e.attempts+1;this.storage.savePending(this.items.map(r=>r.key===e.key?{...r,attempts:s}:r)),this.events.changed(),this.schedule(tr[Math.min(s,tr.length-1)]);return}if(t.kind==="auth"){this.events.authNeeded();return}this.storage.savePending(this.items.filter(s=>s.key!==e.key)),t.kind==="saved"?this.events.saved(t.note):this.events.rejected(e,t.errors),this.events.changed()}}finally{this.flushing=!1}}}};function ir(i){return JSON.stringify([i.subject,[...i.roles].sort(),i.permissions])}function po(i){let e=i.split(".")[1];if(!e)return null;try{let t=atob(e.replaceAll("-","+").replaceAll("_","/")),s=JSON.parse(t);return typeof s.sub=="string"?s.sub:null}catch{return null}}var yc="c360-notes";function fo(i){try{let e=localStorage.getItem(i);return e===null?null:JSON.parse(e)}catch{return null}}function go(i,e){try{return e===null?localStorage.removeItem(i):localStorage.setItem(i,JSON.stringify(e)),!0}catch{return!1}}var Fs=class{constructor(e,t=""){this.customerId=e;this.subject=t}key(e){return`${yc}:${e}:${this.subject}:${this.customerId}`}loadDraft(){return fo(this.key("draft"))}saveDraft(e){return go(this.key("draft"),e)}pending(){return fo(this.key("pending"))??[]}savePending(e){go(this.key("pending"),e.length?e:null)}};function $c(){let i=crypto.getRandomValues(new Uint8Array(16));return Array.from(i,e=>e.toString(16).padStart(2,"0")).join("")}function vc(i,e,t){return{idempotencyKey:$c(),customerId:i,subject:e.subject,body:e.body,category:e.category,type:e.type,scope:e.scope,importance:e.importance,pinned:e.pinned,tags:Be(e.tags),creationMs:t,followUp:e.followUp?{assigneeId:e.assigneeId,dueAt:new Date(e.dueAt).toISOString(),instructions:e.instructions||null}:null}}var ie=class extends q{constructor(){super(...arguments);this.customerId="";this.endpoint="/graphql";this.token="";this.me=null;this.tab="notes";this.status="";this.warn=!1;this.busy=!1;this.createErrors=[];this.pending=[];this.checking=!1;this.generation=0;this.meTicket=0;this.waitingForToken=!1;this.resubmit=!1;this.client=new jt(this.endpoint,()=>this.token);this.storage=null;this.queue=null;this.blank=null;this.findAgents=async t=>{let{data:s}=await this.client.request(Cs,{query:t||null});return s.agents?.edges.map(r=>r.node)??[]};this.storageSubject=""}connectedCallback(){super.connectedCallback(),this.init()}init(){this.queue?.stop(),this.client=new jt(this.endpoint,()=>this.token),this.storageSubject=this.me?.subject??"",this.storage=new Fs(this.customerId,this.storageSubject),this.queue=new qs(this.storage,this.client,{saved:t=>{this.say(`Saved “${t.subject}” (it was waiting for the gateway).`),this.panel?.load()},rejected:(t,s)=>this.say(`A waiting note was refused: ${s.map(r=>r.message).join(" ")}`,!0),authNeeded:()=>this.requestToken(),changed:()=>this.pending=this.queue?.items??[]}),this.pending=this.queue.items}disconnectedCallback(){super.disconnectedCallback(),this.queue?.stop()}willUpdate(t){let s=["customerId","endpoint"].some(r=>t.get(r)!==void 0);this.isConnected&&s&&(this.init(),this.me&&this.queue?.start()),t.has("token")&&this.me&&this.token&&po(this.token)!==this.me.subject&&(this.checking=!0)}updated(t){t.has("token")&&this.token&&this.start()}blankFields(t){return(this.blank?.scope!==t||this.blank.assigneeId!==this.me?.subject)&&(this.blank=Ss(t,this.me?.subject??"")),this.blank}get form(){return this.renderRoot.querySelector("c360-note-form")}get panel(){return this.renderRoot.querySelector("c360-notes-panel")}say(t,s=!1){this.status=t,this.warn=s}async start(){let t=++this.meTicket,s=this.waitingForToken;this.waitingForToken=!1;let r;try{r=(await this.client.request(ln,{},["me"])).data.me}catch(o){if(t!==this.meTicket)return;if(o instanceof Q)return this.requestToken();let c=o instanceof Error?o.message:String(o);this.say(`The notes service is unreachable (${c}); trying again…`,!0),window.setTimeout(()=>{t===this.meTicket&&this.start()},3e3);return}if(t!==this.meTicket)return;let n=this.me;if(this.me=r,this.checking=!1,n&&ir(n)!==ir(r)){this.switchPrincipal();return}(!n||this.storageSubject!==r.subject)&&this.init(),this.queue?.start(),s&&(this.say("Signed in again."),this.panel?.load(),this.resubmit&&(this.resubmit=!1,await this.updateComplete,this.form?.submit()))}switchPrincipal(){this.generation+=1,this.blank=null,this.createErrors=[],this.resubmit=!1,this.busy=!1,this.init(),this.queue?.start(),this.say(`Signed in as ${this.me?.agent?.name??this.me?.subject??"someone else"}.`)}requestToken(){this.say("Your session has expired. Your draft is kept; waiting for a new sign-in…",!0),!this.waitingForToken&&(this.waitingForToken=!0,this.dispatchEvent(new CustomEvent("token-expired",{detail:{customerId:this.customerId},bubbles:!0,composed:!0})))}async onSubmit(t){if(this.busy||!this.queue)return;let{fields:s,creationMs:r}=t.detail,n=vc(Is(this.customerId),s,r);this.busy=!0,this.say("");let o=await sr(this.client,n);this.busy=!1;let c=Ss(s.scope,this.me?.subject??"");switch(o.kind){case"saved":this.createErrors=[],this.form?.reset(c),this.say(`Saved “${o.note.subject}”.`),this.dispatchEvent(new CustomEvent("note-saved",{detail:{note:o.note,creationMs:r},bubbles:!0,composed:!0})),this.panel?.load();return;case"invalid":this.createErrors=o.errors,this.say("The note was not saved: see the highlighted fields.",!0),this.form?.focusFirstError();return;case"offline":this.queue.add(n),this.form?.reset(c),this.say("The gateway is unreachable. Your note is kept and will be sent automatically.",!0);return;case"auth":this.resubmit=!0,this.requestToken();return}}selectTab(t,s=!1){this.tab=t,s&&this.updateComplete.then(()=>this.renderRoot.querySelector(`#tab-${t}`)?.focus())}onTabKey(t){["ArrowLeft","ArrowRight","Home","End"].includes(t.key)&&(t.preventDefault(),this.selectTab(this.tab==="notes"?"activity":"notes",!0))}render(){let t=this.me?.permissions.writableScopes??[],s=(r,n)=>y`<button
      role="tab"
      id="tab-${r}"
      aria-selected=${this.tab===r?"true":"false"}
      aria-controls="panel-${r}"
      tabindex=${this.tab===r?0:-1}
      @click=${()=>this.selectTab(r)}
      @keydown=${this.onTabKey}
    >${n}</button>`;return y`
      <section class="sidebar" aria-labelledby="notes-title">
        <h2 id="notes-title">Customer notes</h2>
        <div role="status" class=${this.status?`status${this.warn?" warn":""}`:""}>${this.status}</div>
        ${this.checking?y`<p class="hint">Checking the new sign-in…</p>`:v}
        ${this.me?y`<div ?hidden=${this.checking}>${this.renderTabs(s,t)}</div>`:y`<p class="hint">Connecting to the notes service…</p>`}
      </section>
    `}get viewKey(){return`${this.customerId}|${this.generation}`}renderTabs(t,s){let r=s.includes("INTERNAL")?"INTERNAL":s[0]??"";return y`
      <div role="tablist" aria-label="Sidebar sections">
        ${t("notes","Notes")} ${t("activity","Interactions & follow-ups")}
      </div>
      <div role="tabpanel" id="panel-notes" aria-labelledby="tab-notes" ?hidden=${this.tab!=="notes"}>
        ${s.length?ws(this.viewKey,y`<c360-note-form
              .initial=${this.blankFields(r)}
              .scopes=${s}
              .storage=${this.storage}
              .serverErrors=${this.createErrors}
              .tagSuggestions=${this.panel?.tagSuggestions??[]}
              ?busy=${this.busy}
              allowFollowUp
              .findAgents=${this.findAgents}
              .knownAgents=${this.me?.agent?[this.me.agent]:[]}
              @note-submit=${this.onSubmit}
            ></c360-note-form>`):y`<p class="hint">You can read this customer's notes but not write them.</p>`}
        ${ws(this.viewKey,y`<c360-notes-panel
          .client=${this.client}
          .customerId=${Is(this.customerId)}
          .scopes=${s}
          .pending=${this.pending}
          .me=${this.me}
          @auth-needed=${()=>this.requestToken()}
          @notes-loaded=${()=>this.requestUpdate()}
        ></c360-notes-panel>`)}
      </div>
      <div role="tabpanel" id="panel-activity" aria-labelledby="tab-activity" ?hidden=${this.tab!=="activity"}>
        ${this.tab==="activity"?ws(this.viewKey,y`<c360-activity .client=${this.client}
              .customerId=${Is(this.customerId)}></c360-activity>`):v}
      </div>
    `}};ie.styles=ce,g([T({attribute:"customer-id"})],ie.prototype,"customerId",2),g([T()],ie.prototype,"endpoint",2),g([T({attribute:!1})],ie.prototype,"token",2),g([w()],ie.prototype,"me",2),g([w()],ie.prototype,"tab",2),g([w()],ie.prototype,"status",2),g([w()],ie.prototype,"warn",2),g([w()],ie.prototype,"busy",2),g([w()],ie.prototype,"createErrors",2),g([w()],ie.prototype,"pending",2),g([w()],ie.prototype,"checking",2),ie=g([le("customer-notes")],ie);
/*! Bundled license information:

@lit/reactive-element/css-tag.js:
  (**
   * @license
   * Copyright 2019 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/reactive-element.js:
lit-html/lit-html.js:
lit-element/lit-element.js:
@lit/reactive-element/decorators/custom-element.js:
@lit/reactive-element/decorators/property.js:
@lit/reactive-element/decorators/state.js:
@lit/reactive-element/decorators/event-options.js:
@lit/reactive-element/decorators/base.js:
@lit/reactive-element/decorators/query.js:
@lit/reactive-element/decorators/query-all.js:
@lit/reactive-element/decorators/query-async.js:
@lit/reactive-element/decorators/query-assigned-nodes.js:
lit-html/directive.js:
lit-html/directives/repeat.js:
lit-html/directives/unsafe-html.js:
  (**
   * @license
   * Copyright 2017 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/is-server.js:
  (**
   * @license
   * Copyright 2022 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/decorators/query-assigned-elements.js:
lit-html/directives/keyed.js:
  (**
   * @license
   * Copyright 2021 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/directive-helpers.js:
  (**
   * @license
   * Copyright 2020 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

dompurify/dist/purify.es.mjs:
  (*! @license DOMPurify 3.4.18 | (c) Cure53 and other contributors | Released under the Apache license 2.0 and Mozilla Public License 2.0 | github.com/cure53/DOMPurify/blob/3.4.18/LICENSE *)
  (*! regenerator-runtime -- Copyright (c) 2014-present, Facebook, Inc. -- license (MIT): https://github.com/babel/babel/blob/main/packages/babel-helpers/LICENSE *)
*/
